"""The legal texts gongshi applies, each named once, as a clerk would cite it.

The basis of disclosure is national: the State Council's guidance (国办发〔2018〕118号) and, for
medical insurance, the National Healthcare Security Administration's implementing measures. A
province's own documents (a forwarding notice, a stricter rule) belong in its counties'
configuration (`extra.law`), where an override carries its own citation.
"""

GUIDANCE = "《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》（国办发〔2018〕118号）"
NHSA_MEASURES = ("国家医疗保障局《医疗保障系统全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度"
                 "实施办法（试行）》")
PENALTY_LAW = "《中华人民共和国行政处罚法》"
COMPULSION_LAW = "《中华人民共和国行政强制法》"
CIVIL_CODE = "《中华人民共和国民法典》"
MINORS_LAW = "《中华人民共和国未成年人保护法》"
FUND_REGULATION = "《医疗保障基金使用监督管理条例》"
DISCRETION_GUIDANCE = "《国务院办公厅关于进一步规范行政裁量权基准制定和管理工作的意见》（国办发〔2022〕27号）"
SAMR_PROCEDURE = "《市场监督管理行政处罚程序规定》（国家市场监督管理总局令第2号）"
NHSA_PROCEDURE = "《医疗保障行政处罚程序暂行规定》（国家医疗保障局令第4号）"
CREDIT_REPAIR_2019 = ("《国家发展改革委办公厅关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知》"
                      "（发改办财金〔2019〕527号）")
CREDIT_REPAIR_2023 = "《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2023年第58号）"
CREDIT_REPAIR_2025 = "《信用修复管理办法》（国家发展改革委令2025年第36号）"
ENTERPRISE_DISCLOSURE = "《企业信息公示暂行条例》"
CALENDAR_NOTICE = "国务院办公厅《关于{year}年部分节假日安排的通知》"   # one each year, in November or December
