"""Every finding code, its severity, its Chinese message and its hint: one place for each.

Codes are stable: outside checks and clerks' notes refer to them. Add, never rename.
"""

from __future__ import annotations

from .findings import Finding, Severity

E, W = Severity.ERROR, Severity.WARNING

CODES: dict[str, tuple[Severity, str, str]] = {
    # load
    "E-FILE-ENCODING": (E, "文件不是 UTF-8 编码（第 {line} 行附近有无法识别的字节）{guess}",
                        "请在编辑器中“另存为”并选择 UTF-8 编码，然后重新提交"),
    "E-FILE-EMPTY": (E, "文件是空的", "请按 schemas/{schema} 填写内容，或删除这个文件"),
    "E-FILE-UNREADABLE": (E, "无法读取文件：{detail}", "请检查文件是否存在、是否有读取权限"),
    "E-YAML-SYNTAX": (E, "YAML 格式错误：{problem}",
                      "请检查这一行和上一行的缩进（只用空格）、冒号后的空格、引号是否成对"),
    "E-YAML-NOT-MAPPING": (E, "文件内容不是“字段: 值”的结构，读到的是{actual}",
                           "请按 schemas/{schema} 填写，每行写成“字段: 值”"),
    "E-YAML-DUPKEY": (E, "字段 {field} 在第 {first} 行和第 {line} 行重复出现，后一个会悄悄覆盖前一个",
                      "请删除或合并其中一个"),
    "E-YAML-TAG": (E, "不支持的 YAML 标签 {tag}", "请删除标签，直接写值"),
    "E-YAML-ALIAS": (E, "不支持 YAML 锚点和别名（& 和 *）", "请把引用的内容直接写出来"),
    "E-YAML-DEPTH": (E, "层次嵌套超过 {limit} 层", "内容文件不需要这么深的缩进，请检查缩进是否写错"),
    "E-YAML-KEY": (E, "字段名必须是一段文字", "请写成“字段: 值”，字段名不要用列表或“? ”"),
    "E-FILE-UNKNOWN": (E, "无法识别的内容文件 {name}", "县文件夹中只能有这些文件：{known}；请检查文件名"),
    "E-FILE-MISSING": (E, "缺少必需的文件 {name}（{title}）", "请新建该文件，格式见 schemas/{schema}"),
    "W-SECTION-MISSING": (W, "没有 {name}（{title}），网站该栏目将显示“暂未公示”",
                          "按规定应当公示；请新建该文件，格式见 schemas/{schema}"),
    "E-DECISION-FILE": (E, "decisions 文件夹中的 {name} 不是 .yml 文件",
                        "这里只放执法决定的 .yml 文件；决定书 PDF 请放到 documents/ 文件夹"),
    "E-DECISION-NAME": (E, "执法决定的文件名 {name} 不合规，文件名就是决定的网址",
                        "只能用字母、数字和连字符，如 2025-001.yml"),
    "E-COUNTY-ID": (E, "县文件夹名 {name} 不合规", "只能用小写字母、数字和连字符，如 jiange"),
    "E-COUNTY-UNKNOWN": (E, "找不到县 {county}", "已有的县：{known}"),
    "E-CONFIG-MISSING": (E, "县 {county} 没有站点配置文件",
                         "请复制 site_config 中已有县的配置，改名为 {county}.yml 并修改其中内容"),
    # check: schema
    "E-SCHEMA-REQUIRED": (E, "缺少必填字段 {label}", "请在这一项中补上 {field}"),
    "E-SCHEMA-TYPE": (E, "字段 {label}应当是{expected}，现在是{actual} {value}", "{fix}"),
    "E-SCHEMA-UNKNOWN-FIELD": (E, "未知字段 {field}", "{suggestion}可用的字段：{allowed}"),
    "E-SCHEMA-DATE": (E, "字段 {label}不是有效日期：{value}", "日期请写成 YYYY-MM-DD，如 2021-06-04"),
    "E-SCHEMA-FORMAT": (E, "字段 {label}格式不对：{value}", "{description}"),
    "E-SCHEMA-ENUM": (E, "字段 {label}的值 {value} 不在可选范围内", "只能填写：{options}"),
    "E-SCHEMA-EMPTY": (E, "字段 {label}不能为空", "请填写内容，或删除这个字段"),
    "E-SCHEMA-INVALID": (E, "字段 {label}不符合要求：{detail}", "格式见 schemas/{schema}"),
    # check: rules
    "E-REF-UNKNOWN": (E, "字段 {field} 引用的{target} {value} 不存在",
                      "已有的编号：{known}；请检查拼写，或先在 {file} 中添加"),
    "E-ID-DUPLICATE": (E, "编号 {value} 重复，第 {first} 行已经用过", "每个编号只能用一次，请改成不同的编号"),
    "E-ATTACHMENT-MISSING": (E, "字段 file 指向的文件 {value} 不存在", "请把文件放到 {folder}，或改正文件名"),
    "E-DATE-ORDER": (E, "{field_from}（{date_from}）晚于 {field_until}（{date_until}）", "请核对证件有效期"),
    # check: personal data and secrets (redaction)
    "W-PERSONAL-DATA": (W, "{where}有{what} {masked}，公示时已自动打码",
                        "个人信息不应写进公示内容；请删除或改写，确需留存的请填在不公开的字段中"),
    "E-PERSONAL-DATA": (E, "{where}有{what} {masked}，本县设置为不得出现在公示内容中",
                        "请删除或改写这段个人信息后再提交"),
    "E-WITHHELD-IN-TEXT": (E, "{where}中出现了不公示的{field}的内容",
                           "不公示的内容不能再写进公示文字；请改写，如把姓名写成“李某”、把病情写成“相关疾病”"),
    "E-PARTY-MINOR": (E, "当事人身份证号显示其在 {decided} 作出决定时未满 18 周岁，但没有写 minor: true",
                      "当事人是未成年人的决定不得公示：请在 party 中写 minor: true"),
    "E-SECRET-MARKER": (E, "{where}的“【商业秘密】”没有对应的“【/商业秘密】”",
                        "请在商业秘密结束处加上【/商业秘密】；改好之前，标记之后的文字一律不公示"),
    "E-SECRET-FIELD": (E, "commercial_secrets 中的 {value} 不是这一项中填写了文字说明的字段",
                       "只能填写这一项中已填写的文字字段：{allowed}"),
    "E-PARTY-FIELD": (E, "当事人类型是{type}，不能填写 {field}",
                      "自然人的住址、身份证号填 home_address、id_number（不公示）；单位的住所、信用代码、法定代表人填 address、credit_code、legal_representative"),
    "E-PARTY-CREDIT-CODE": (E, "统一社会信用代码 {value} 校验不通过", "请对照营业执照逐位核对，18 位，最后一位是校验码"),
    "E-PDF-ENCRYPTED": (E, "PDF 文件 {value} 设置了密码或加密，无法检查其中是否有个人信息",
                        "请另存为不加密的 PDF 后再放入"),
    "E-PDF-UNREADABLE": (E, "PDF 文件 {value} 无法读取（{detail}）", "请重新导出 PDF 后再放入"),
    "E-PDF-EMBEDDED": (E, "PDF 文件 {value} 中嵌有附件文件，无法检查其中是否有个人信息",
                       "请去掉 PDF 中的附件后重新导出"),
    "E-PDF-PERSONAL-DATA": (E, "PDF 文件 {value} {page}有{what} {masked}",
                            "PDF 无法自动打码：请提供已删除或遮盖个人信息的 PDF（遮盖后请重新导出，不要只加黑框）"),
    "E-PDF-SECRET": (E, "PDF 文件 {value} {page}有{what}",
                     "PDF 无法自动删除这段内容：请提供已删除该内容的 PDF"),
    "W-PDF-NO-TEXT": (W, "PDF 文件 {value} 没有文字层（可能是扫描件），无法检查其中是否有个人信息",
                      "请逐页人工核对已遮盖个人信息；最好改为提供由文字直接导出的 PDF"),
    # scan: the built files
    "E-SCAN-PERSONAL-DATA": (E, "有{what} {masked}", "网站文件中不得出现个人信息；请找到来源并删除后重新生成"),
    "E-SCAN-SECRET": (E, "有不得公开的文字 {masked}（来自 {source}）", "请找到网页中这段文字的来源，删除后重新生成"),
    "E-SCAN-UNREADABLE": (E, "无法读取（{detail}），不能确认其中没有个人信息", "请检查该文件"),
    # check: decisions and deadlines
    "E-DEADLINE-LATE": (E, "{kind}决定 {case} 于 {decided} 作出，应在 {within} 个工作日内即 {deadline} 前公示，"
                           "实际 {published} 才公示，晚了 {late} 个工作日（{citation}）",
                        "法律、行政法规另有规定的，请在 publish_delay 中写明理由和依据；否则请核对公示日期"),
    "E-DEADLINE-MISSED": (E, "{kind}决定 {case} 逾期未公示：于 {decided} 作出，应在 {within} 个工作日内即 {deadline} 前公示"
                             "（{citation}）", "请立即完成公示审批，填写 approval 和 published"),
    "W-DEADLINE-SOON": (W, "{kind}决定 {case} 须在 {deadline} 前公示，还剩 {left} 个工作日",
                        "请尽快完成公示审批，填写 approval 和 published"),
    "E-OFFICERS-TOO-FEW": (E, "{kind}决定 {case} 只有 {count} 名承办执法人员，至少应有 {minimum} 名（{citation}）",
                           "请在 officers 中列出全部承办人员的编号"),
    "E-OFFICER-CERTIFICATE": (E, "承办人员 {name}（{officer}）的执法证有效期为 {valid}，{decided} 作出决定时不在有效期内",
                              "未取得有效执法证件的人员不得从事执法活动；请核对承办人员或证件有效期"),
    "E-APPROVAL-MISSING": (E, "决定 {case} 填写了公示日期，但没有公示审批（approval）",
                           "请填写 approval 的审批人（by）和审批日期（date）；未经审批的决定不会公示"),
    "E-APPROVAL-AFTER": (E, "决定 {case} 的公示审批日期 {approved} 晚于公示日期 {published}",
                         "应当先审批后公示；请核对这两个日期"),
    "E-CALENDAR-YEAR": (E, "计算 {case} 的期限需要 {year} 年的法定节假日安排，日历库中还没有",
                        "请按国务院办公厅《关于{year}年部分节假日安排的通知》新建 {file}，格式见 schemas/calendar.schema.json"),
    "E-CALENDAR-FILE": (E, "文件 {name} 中的年份是 {year}，与文件名不一致", "文件名应为 {year}.yml"),
    # render / verify / publish
    "E-SITE-CONFIG": (E, "站点配置无法使用：{detail}", "请检查 site_config 中该县的配置和根目录的 mkdocs.yml"),
    "E-ATTACHMENT-LINK": (E, "附件 {value} 是一个链接（快捷方式），不是文件本身", "请把文件本身放进 documents/ 文件夹"),
    "E-ATTACHMENT-ROOT-LINK": (E, "链接 {url} 以 / 开头，网站放在子目录下发布时会失效",
                               "请写完整网址（以 https:// 开头），或链接到本网站的栏目"),
    "E-RENDER-SITE": (E, "生成网站失败：{detail}", "这是程序问题，请把这条信息报告给维护人员"),
    "E-VERIFY-OUTSIDE-HOST": (E, "网页从外部网站加载资源 {url}",
                              "公示网站不得从其他网站加载字体、脚本、样式或图片；请删除该引用"),
    "E-VERIFY-ROOT-PATH": (E, "网页使用了以 / 开头的地址 {url}，放在子目录下发布时会失效",
                           "请改用相对地址"),
    "E-PUBLISH-NOT-SITE": (E, "输出目录 {out} 已有内容，但不是 gongshi 生成的网站，拒绝覆盖",
                           "请换一个输出目录（--out），或先清空该目录"),
    "E-PUBLISH": (E, "发布失败：{detail}", "原有网站保持不变；请检查输出目录的权限和磁盘空间"),
}


def finding(code: str, path, line: int | None = None, **params) -> Finding:
    severity, message, hint = CODES[code]
    params.setdefault("line", line)
    return Finding(code, severity, str(path), line, message.format(**params), hint.format(**params))
