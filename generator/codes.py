"""Every finding code, its severity, its Chinese message and its hint: one place for each.

Codes are stable: outside checks and clerks' notes refer to them. Add, never rename.
"""

from __future__ import annotations

from typing import NamedTuple

from .findings import Effect, Finding, Severity


class Kind(NamedTuple):
    severity: Severity
    effect: Effect


# E: an error; what it is found in is held back (a decision file or its attachment: that record;
#    another file of a county: the county keeps its previous site; a file of the repository: no build).
# P: an error of lateness or procedure: the check fails, and nothing is held back for it — a decision
#    made must be published, on time or late.
# W: a warning.
E = Kind(Severity.ERROR, Effect.HOLD)
P = Kind(Severity.ERROR, Effect.REPORT)
W = Kind(Severity.WARNING, Effect.NONE)

CODES: dict[str, tuple[Kind, str, str]] = {
    # command line
    "E-COMMAND-UNKNOWN": (E, "没有 {command} 这个命令", "{suggestion}可用的命令：{known}；运行 gongshi --help 查看说明"),
    "E-PREVIEW-PORT": (E, "无法在端口 {port} 上打开本地预览：{detail}",
                       "这个端口可能已被另一个程序（或另一个 gongshi serve）占用；请换一个端口，如 gongshi serve --port 8001"),
    # the repository: content format and schema copies
    "W-FORMAT-MISSING": (W, "没有写明本仓库的内容格式版本（{file} 的 extra.content_format），按第 {assumed} 版读取",
                         "请在 {file} 中写 extra: 下一行 content_format: {assumed}{create}（gongshi init 生成的仓库已经写好），"
                         "以后升级 gongshi 时才能判断能否读取"),
    "E-FORMAT-VALUE": (E, "内容格式版本 {value} 不是正整数（{file} 的 extra.content_format）",
                       "请写成不加引号的整数，如 content_format: {reads}"),
    "E-FORMAT-NEWER": (E, "本仓库的内容格式是第 {found} 版，安装的 gongshi {version} 只能读取第 {reads} 版",
                       "请安装能读取第 {found} 版的 gongshi{pinned}；不要降低 content_format"),
    "E-FORMAT-OLDER": (E, "本仓库的内容格式是第 {found} 版，安装的 gongshi {version} 读取第 {reads} 版",
                       "请按 gongshi README 中的内容格式表把内容改为第 {reads} 版，再把 {file} 中的 content_format 改为 {reads}；"
                       "改好之前请继续使用能读取第 {found} 版的 gongshi{still}"),
    "W-VERSION-PIN": (W, "requirements.txt 写明使用 gongshi {pinned}，安装的是 {version}",
                      "请安装写明的版本（pip install -r requirements.txt）；有意升级的，请先改 requirements.txt 并运行 gongshi schemas"),
    "W-SCHEMAS-STALE": (W, "schemas/ 中的 Schema 与安装的 gongshi {version} 不一致：{files}",
                        "编辑器按这些文件自动补全和检查；请运行 gongshi schemas 更新，并提交更新后的文件"),
    "E-INIT-NOT-EMPTY": (E, "目录已有内容，不能在这里新建仓库", "请换一个不存在的或空的目录，如 gongshi init gongshi-sichuan"),
    "E-INIT-NOT-DIR": (E, "这是{what}，不是目录，不能在这里新建仓库", "请换一个不存在的或空的目录，如 gongshi init gongshi-sichuan"),
    "E-WRITE-FAILED": (E, "无法写入：{detail}", "请检查这个位置及其上级是不是目录、是否有写入权限；已写入的文件可以删除后重试"),
    "E-SCHEMAS-NOT-REPO": (E, "这里不是 gongshi 仓库（没有 content/、site_config/ 或 mkdocs.yml）",
                           "请在仓库目录中运行 gongshi schemas，或写出仓库目录：gongshi schemas DIR"),
    # gongshi new: scaffolds of content files
    "E-SCHEMA-UNFILLED": (E, "字段 {label}还没有填写：{value}", "请把它连同尖括号换成实际内容{description}"),
    "E-NEW-EXISTS": (E, "{what} 已经存在，gongshi new 不会覆盖它", "{hint}"),
    # load
    "E-FILE-ENCODING": (E, "文件不是 UTF-8 编码（第 {line} 行附近有无法识别的字节）{guess}",
                        "请在编辑器中“另存为”并选择 UTF-8 编码，然后重新提交"),
    "E-FILE-EMPTY": (E, "文件是空的", "请按 schemas/{schema} 填写内容，或删除这个文件"),
    "E-FILE-UNREADABLE": (E, "无法读取文件：{detail}", "请检查文件是否存在、是否有读取权限"),
    "E-YAML-SYNTAX": (E, "第 {line} 行第 {column} 列附近的写法无法读懂",
                      "请检查这一行和上一行的缩进（只用空格）、冒号后的空格、引号和括号是否成对"),
    "E-YAML-NOT-MAPPING": (E, "文件内容不是“字段: 值”的结构，读到的是{actual}",
                           "请按 schemas/{schema} 填写，每行写成“字段: 值”"),
    "E-YAML-DUPKEY": (E, "字段 {field} 在第 {first} 行和第 {line} 行重复出现，后一个会悄悄覆盖前一个",
                      "请删除或合并其中一个"),
    "E-YAML-CHARACTER": (E, "有不能保存的字符 {character}（控制字符，或 \\u 转义写出的半个字符）",
                         "请删除这个字符；从别处复制来的文字，请先粘贴到记事本中再复制过来"),
    "E-FILE-LINK": (E, "这个文件是一个链接（快捷方式），不是文件本身",
                    "请把文件本身放在这里；gongshi 不跟随链接去读别处的文件"),
    "E-YAML-TAG": (E, "不支持的 YAML 标签 {tag}", "请删除标签，直接写值"),
    "E-YAML-ALIAS": (E, "不支持 YAML 锚点和别名（& 和 *）", "请把引用的内容直接写出来"),
    "E-YAML-DEPTH": (E, "层次嵌套超过 {limit} 层", "内容文件不需要这么深的缩进，请检查缩进是否写错"),
    "E-YAML-KEY": (E, "字段名必须是一段文字", "请写成“字段: 值”，字段名不要用列表或“? ”"),
    "E-YAML-TAB": (E, "第 {line} 行第 {column} 列有一个 Tab 键（制表符），YAML 不能用它缩进或分隔",
                   "请把它换成空格：缩进每层两个空格，冒号后一个空格；编辑器可以设置为按 Tab 键输入空格"),
    "E-YAML-FULLWIDTH-SPACE": (E, "第 {line} 行开头用了全角空格（中文输入法下的空格）缩进，YAML 不把它当作缩进",
                               "请删掉行首的空白，切换到英文输入法后用空格键重新缩进，与同一层的字段对齐"),
    "E-YAML-FULLWIDTH-COLON": (E, "第 {line} 行字段名 {key} 后面是中文冒号“：”，YAML 只认英文冒号",
                               "请改成英文冒号加一个空格：{key}: "),
    "E-YAML-INDENT-DEEPER": (E, "第 {line} 行的缩进比{reference}（{key}）多了 {difference} 格，YAML 把这一行读成了{reference}的值的延续",
                             "同一层的字段要上下对齐：请让这一行与{reference}对齐（缩进 {target} 格）；如果这一行属于{reference}的 {key}，"
                             "{key}: 后面就不能再写值"),
    "E-YAML-INDENT-SHALLOWER": (E, "第 {line} 行的缩进比{reference}（{key}）少了 {difference} 格，与上面哪一层都对不齐",
                                "同一层的字段要上下对齐：请让这一行与{reference}对齐（缩进 {target} 格）；"
                                "如果它属于更外面的一层，请与那一层的字段对齐"),
    "E-YAML-QUOTE-OPEN": (E, "第 {line} 行第 {column} 列的{name} {quote} 在这一行没有结束，后面的内容都被读成了这个值的一部分，直到{until}",
                          "请在这个值的结尾补上 {quote}，或删除开头的 {quote}；{inside}"),
    "E-YAML-QUOTE-EARLY": (E, "第 {line} 行的值在引号 {quote} 处就结束了，后面还有“{rest}”",
                           "值以引号开头时，整个值都要在一对引号之内；{inside}；或者去掉首尾的引号"),
    "E-YAML-ESCAPE": (E, "第 {line} 行双引号中的反斜杠 \\ 后面是 {character}，这不是 YAML 认识的写法",
                      "双引号中的反斜杠要写成两个 \\\\；或改用单引号括起整个值，单引号中的反斜杠原样保留"),
    "E-YAML-BRACKET-OPEN": (E, "第 {line} 行第 {column} 列的{name} {bracket} 没有配对的 {closing}",
                            "请在这个值的结尾补上 {closing}；如果这个值是一段以 {bracket} 开头的文字，请给整个值加上引号"),
    "E-YAML-BRACKET-VALUE": (E, "第 {line} 行的值以{name} {bracket} 开头，YAML 把它读成了括号中的列表，但括号后面还有别的内容",
                             "如果这是一段文字（如文号），请给整个值加上引号：'…'；列表请写成每项一行、以“- ”开头"),
    "E-YAML-COLON-IN-VALUE": (E, "第 {line} 行 {key} 的值中有“冒号加空格”，YAML 把它读成了又一个字段",
                              "请给整个值加上引号：{key}: '{quoted}'；或把值中的冒号改成中文冒号“：”"),
    "E-YAML-NO-COLON": (E, "第 {line} 行的“{words}”后面没有冒号，YAML 不知道它是字段名还是上一行的值",
                        "字段名后面要写英文冒号，如 {words}:（下一层的内容写在下面几行，多缩进两格）；"
                        "如果它是上一行的值的一部分，请把它接在上一行的值后面"),
    "E-YAML-NO-KEY": (E, "第 {line} 行以冒号开头，冒号前面没有字段名", "请在冒号前写上字段名，或删除这个冒号"),
    "E-YAML-INDENT-FIRST": (E, "第 {line} 行是文件的第一个字段，前面却有 {spaces} 个空格，后面从行首写起的字段就不属于任何一层了",
                            "最外层的字段从行首写起：请删掉这一行开头的空格"),
    "E-YAML-MIXED": (E, "第 {line} 行的字段和第 {start} 行开始的列表在同一层：一层中不能既有列表项（“- ”开头）又有“字段: 值”",
                     "如果这一行属于上面的列表项，请再缩进 {indent} 格，与第 {start} 行“- ”后面的内容对齐；否则请检查缩进"),
    "E-YAML-ITEM-AMONG-FIELDS": (E, "第 {line} 行的列表项（“- ”开头）和第 {start} 行开始的字段在同一层",
                                 "列表要写在它所属的字段名下面，比字段名多缩进两格；请检查这一行属于哪个字段"),
    "E-YAML-RESERVED": (E, "第 {line} 行第 {column} 列的值以 {character} 开头，YAML 把这个符号当作特殊写法",
                        "请给整个值加上引号：'…'"),
    "E-YAML-DOCUMENTS": (E, "第 {line} 行的“---”或“...”把文件分成了几份，一个内容文件只能有一份",
                         "请删除这一行"),
    "E-FILE-UNKNOWN": (E, "无法识别的内容文件 {name}", "县文件夹中只能有这些文件：{known}；请检查文件名"),
    "E-FILE-MISSING": (E, "缺少必需的文件 {name}（{title}）", "请新建该文件，格式见 schemas/{schema}"),
    "W-SECTION-MISSING": (W, "没有 {name}（{title}），网站该栏目将显示“暂未公示”",
                          "按规定应当公示；请新建该文件，格式见 schemas/{schema}"),
    "E-DECISION-FILE": (P, "decisions 文件夹中的 {name} 不是 .yml 文件",
                        "这里只放执法决定的 .yml 文件；决定书 PDF 请放到 documents/ 文件夹"),
    "E-DECISION-NAME": (E, "执法决定的文件名 {name} 不合规，文件名就是决定的网址",
                        "只能用字母、数字和连字符，如 2025-001.yml"),
    "E-COUNTY-ID": (P, "县文件夹名 {name} 不合规", "只能用小写字母、数字和连字符，如 jiange"),
    "E-COUNTY-UNKNOWN": (E, "找不到县 {county}", "已有的县：{known}"),
    "E-COUNTY-NONE": (E, "内容目录中还没有县", "每个县一个文件夹，文件夹名就是县编号（小写字母、数字、连字符），如 content/jiange/"),
    "E-SITE-CONFIG-INHERIT": (E, "INHERIT: {value} 指向的 {target} 不存在", "这一行应继承本仓库各县共用的设置，一般写 INHERIT: ../mkdocs.yml；"
                                                                      "没有 mkdocs.yml 的，请新建（gongshi init 生成的仓库中有），或删除这一行"),
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
    "E-SCHEMA-RANGE": (E, "字段 {label}的值 {value} 超出允许范围（{allowed}）", "请改在范围之内。{description}"),
    "E-SCHEMA-REPEATED": (E, "字段 {label}中有重复的项", "每项只写一次"),
    "E-SCHEMA-INVALID": (E, "字段 {label}不符合要求：{detail}", "格式见 schemas/{schema}"),
    # check: rules
    "E-REF-UNKNOWN": (P, "字段 {field} 引用的{target} {value} 不存在",
                      "已有的编号：{known}；请检查拼写，或先在 {file} 中添加"),
    "E-ID-DUPLICATE": (E, "编号 {value} 重复，第 {first} 行已经用过", "每个编号只能用一次，请改成不同的编号"),
    "E-ATTACHMENT-MISSING": (E, "字段 file 指向的文件 {value} 不存在", "请把文件放到 {folder}，或改正文件名"),
    "E-DATE-ORDER": (E, "{field_from}（{date_from}）晚于 {field_until}（{date_until}）", "请核对证件有效期"),
    # gongshi import: registers kept in Excel or CSV
    "E-IMPORT-FORMAT": (E, "不能导入{suffix}文件", "请在 Excel 中“另存为”Excel 工作簿（.xlsx）或 CSV，再导入"),
    "E-IMPORT-UNREADABLE": (E, "无法读取这个 Excel 文件（{detail}）",
                            "请确认它是 Excel 工作簿（.xlsx）；旧的 .xls 文件请在 Excel 中另存为 .xlsx 或 CSV"),
    "E-IMPORT-ENCODING": (E, "CSV 文件既不是 UTF-8 编码，也不是 GBK 编码", "请在 Excel 中另存为“CSV UTF-8（逗号分隔）”，再导入"),
    "E-IMPORT-EMPTY": (E, "登记表中没有数据：第一行应是列标题，从第二行起每行一项", "请检查是不是选错了文件，或数据不在第一个工作表中"),
    "E-IMPORT-MAPPING-FIELD": (E, "“{column}”列对应的 {field} 不是{kind}的字段",
                               "{suggestion}可用的字段：{allowed}；不导入的列写 ~"),
    "E-IMPORT-MAPPING-TWICE": (E, "“{first}”列和“{second}”列都填入字段 {field}",
                               "一个字段只能来自一列：用 --show-mapping 得到列的对应，存为文件，把不导入的一列写成 ~，再用 --mapping 指定"),
    "E-IMPORT-NO-ID": (E, "登记表中没有“{title}”列，不知道每个决定存为哪个文件",
                       "请加一列“决定编号”，写每个决定的编号（如 2025-001，就是文件名和网址），或用 --mapping 指定哪一列是决定编号"),
    "W-IMPORT-COLUMN": (W, "“{column}”列没有对应的字段，这一列没有导入",
                        "要导入这一列，请运行 gongshi import {kind} {file} --show-mapping，把输出存为文件并写上字段，再用 --mapping 指定"),
    "E-IMPORT-CELL": (E, "第 {row} 行“{column}”列：{reason}", "{hint}；这一行没有导入，请在登记表中改正后重新导入"),
    "E-IMPORT-ID": (E, "第 {row} 行“{column}”列：决定编号 {value} 不能作文件名",
                    "只能用字母、数字和连字符，如 2025-001；这一行没有导入，请在登记表中改正后重新导入"),
    "E-IMPORT-DUPLICATE": (E, "第 {row} 行“{column}”列：编号 {ident} 与第 {first} 行相同",
                           "每个编号只能有一行；这一行没有导入，请在登记表中改正后重新导入"),
    "E-IMPORT-EXISTS": (E, "第 {row} 行：编号 {ident} 已在 {file} 中，内容与登记表不同，没有替换",
                        "请核对上面列出的差异；确需以登记表为准的，加 --replace 重新导入（登记表中没有的字段保持原样）"),
    "W-IMPORT-EXPIRED": (W, "第 {row} 行：{name}的执法证已于 {until} 到期，网站不会把他列为执法人员",
                         "已换发新证的，请在登记表中填写新证的证号和有效期后重新导入"),
    "E-IMPORT-TARGET": (E, "{file} 有错误，导入的记录无法与它合并", "请先运行 gongshi validate 并改正这个文件，再导入"),
    # check: personal data and secrets (redaction)
    "E-IMPORT-LAYOUT": (E, "{file} 的写法无法在保持其他各行不变的情况下自动写入，没有写入任何内容",
                        "请把这些记录手工加入该文件，或把该文件改成常见的缩进（每层两个空格，列表项“  - ”）后重新导入"),
    "W-PERSONAL-DATA": (W, "{where}有{what} {masked}，公示时已自动打码",
                        "个人信息不应写进公示内容；请删除或改写，确需留存的请填在不公开的字段中"),
    "E-PERSONAL-DATA": (E, "{where}有{what} {masked}，本县设置为不得出现在公示内容中",
                        "请删除或改写这段个人信息后再提交"),
    "W-PERSONAL-TEXT": (W, "{where}可能有{what}，公示时已显示为“{masked}”",
                        "请核对：是个人信息的，请{rewrite}；确实不是的，请在这一项的 not_personal_data 中写出原文和理由"
                        "（写法见 schemas/common.schema.json），公示时就按原文显示"),
    "E-PERSONAL-TEXT": (E, "{where}可能有{what}（公示时会显示为“{masked}”），本县设置为不得出现在公示内容中",
                        "请核对：是个人信息的，请{rewrite}；确实不是的，请在这一项的 not_personal_data 中写出原文和理由"),
    "W-WITHHELD-PUBLIC": (W, "{where}不公示，但同样的内容 {value} 是 {other} 中依法公示的{other_where}，网站上会照样出现",
                          "请核对这两处是否确实相同（如当事人住址恰好是某单位的登记住所）；不同的，请改正其中一处"),
    "W-REVIEWED-UNUSED": (W, "not_personal_data 中的“{text}”在这一项的文字中已经找不到",
                          "文字改过之后，请删除这一条，或改成现在文字中的原文"),
    "E-WITHHELD-IN-TEXT": (E, "{where}中出现了不公示的{field}的内容",
                           "不公示的内容不能再写进公示文字；请改写，如把姓名写成“李某”、把病情写成“相关疾病”"),
    "E-PARTY-MINOR": (E, "当事人身份证号显示其在 {decided} 作出决定时未满 {age} 周岁，但没有写 minor: true（{citation}）",
                      "当事人是未成年人的决定不得公示：请在 party 中写 minor: true"),
    "E-SECRET-MARKER": (E, "{where}的“【商业秘密】”没有对应的“【/商业秘密】”",
                        "请在商业秘密结束处加上【/商业秘密】；改好之前，标记之后的文字一律不公示"),
    "E-SECRET-FIELD": (E, "commercial_secrets 中的 {value} 不是这一项中填写了文字说明的字段",
                       "只能填写这一项中已填写的文字字段：{allowed}"),
    "E-PARTY-FIELD": (E, "当事人类型是{type}，不能填写 {field}",
                      "自然人的住址、身份证号填 home_address、id_number（不公示）；单位的住所、信用代码、法定代表人填 address、credit_code、legal_representative"),
    "E-PARTY-CREDIT-CODE": (E, "统一社会信用代码 {value} 校验不通过", "请对照营业执照逐位核对，18 位，最后一位是校验码"),
    "E-SUBJECT-CREDIT-CODE": (E, "本机关的统一社会信用代码 {value} 校验不通过",
                              "请对照本机关的统一社会信用代码证书逐位核对，18 位，最后一位是校验码；"
                              "“双公示”行政处罚数据的处罚机关统一社会信用代码取自这里"),
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
    "E-SCAN-NO-SITE": (E, "要检查的网站目录不存在", "请写已生成的网站目录（如 site），或先运行 gongshi build"),
    # check: decisions and deadlines
    "E-DEADLINE-LATE": (P, "{kind}决定 {case} 于 {decided} 作出，应在 {within} 个工作日内即 {deadline} 前公示，"
                           "实际 {published} 才公示，晚了 {late} 个工作日（{citation}）",
                        "请核对公示日期；确实逾期的，请在 late_publication 中如实写明逾期原因（reason）、批准人（approved_by）和批准日期"
                        "（approved）；法律、行政法规另有规定可以延期的，请在 publish_delay 中写明理由和依据"),
    "W-DEADLINE-LATE-RECORDED": (W, "{kind}决定 {case} 逾期 {late} 个工作日公示（应在 {deadline} 前，实际 {published}），"
                                    "已记录原因：{reason}（{approved_by} {approved} 批准）",
                                 "逾期公示计入年度统计，gongshi status 和 gongshi report 中都会列出；以后请在期限内公示"),
    "W-LATE-NOT-LATE": (W, "{kind}决定 {case} 在期限 {deadline} 内公示，不需要填写逾期公示（late_publication）",
                        "请删除 late_publication，网站上才不会写成逾期公示"),
    "E-LATE-APPROVED-AFTER": (P, "决定 {case} 的逾期公示批准日期 {approved} 晚于公示日期 {published}",
                              "应当先批准后公示；请核对 late_publication 的 approved 和 published"),
    "E-DEADLINE-MISSED": (P, "{kind}决定 {case} 逾期未公示：于 {decided} 作出，应在 {within} 个工作日内即 {deadline} 前公示"
                             "（{citation}）", "请立即完成公示审批，填写 approval 和 published"),
    "W-DEADLINE-SOON": (W, "{kind}决定 {case} 须在 {deadline} 前公示，还剩 {left} 个工作日",
                        "请尽快完成公示审批，填写 approval 和 published"),
    "E-OFFICERS-TOO-FEW": (P, "{kind}决定 {case} 只有 {count} 名承办执法人员，至少应有 {minimum} 名（{citation}）",
                           "请在 officers 中列出全部承办人员的编号"),
    "E-OFFICER-CERTIFICATE": (P, "承办人员 {name}（{officer}）的执法证有效期为 {valid}，{decided} 作出决定时不在有效期内",
                              "未取得有效执法证件的人员不得从事执法活动；请核对承办人员或证件有效期"),
    "E-APPROVAL-MISSING": (E, "决定 {case} 填写了公示日期，但没有公示审批（approval）",
                           "请填写 approval 的审批人（by）和审批日期（date）；未经审批的决定不会公示"),
    "E-APPROVAL-AFTER": (P, "决定 {case} 的公示审批日期 {approved} 晚于公示日期 {published}",
                         "应当先审批后公示；请核对这两个日期"),
    "E-CALENDAR-YEAR": (P, "计算 {case} 的期限需要 {year} 年的法定节假日安排，日历库中还没有",
                        "请按{notice}新建 {file}，格式见 schemas/calendar.schema.json"),
    "E-CALENDAR-FILE": (P, "文件 {name} 中的年份是 {year}，与文件名不一致", "文件名应为 {year}.yml"),
    # check: random inspections (双随机、一公开): plans, draws, tasks, results
    "E-INSPECT-POOL-MISSING": (E, "有抽查计划 random-inspections.yml，却没有检查对象名录库 inspection-objects.yml",
                               "抽取要从公布的名录库中进行，网站也要公布它；请新建 inspection-objects.yml，列出抽查对象（只限单位，不含个人）"),
    "W-DRAW-NOT-FROZEN": (W, "抽查计划 {plan} 第 {batch} 批的抽取还没有固定：以后在名录库中增减单位、在执法人员清单中增减人员，"
                             "都会改变这一批的抽取结果",
                          "抽取之后请运行 gongshi draw --plan {file} --draw {batch} --freeze，把抽取时的名录库和执法人员固定在 "
                          "{frozen} 中，并和 random-inspections.yml 一起提交"),
    "E-DRAW-FROZEN": (E, "抽查计划 {plan} 第 {batch} 批固定的抽取文件 {file} {reason}",
                      "这个文件由 gongshi draw --freeze 写出，记录抽取那天的名录库和执法人员，不要手改；计划或开奖号码写错了的，"
                      "改回与该文件一致；确需重新抽取的，按规定重新公布计划，删除该文件后再抽取"),
    "E-DRAW-HOW": (E, "抽查计划 {plan} 第 {batch} 批既没有写公开随机数（randomness），也没有写平台抽取记录（platform）",
                   "本局抽取的，请写 randomness（来源、开奖日期、开奖号码）和 count 或 ratio；在平台上抽取的，请写 platform、objects 和 inspectors"),
    "E-DRAW-PLATFORM": (E, "抽查计划 {plan} 第 {batch} 批的平台抽取记录有 {objects} 个对象，却有 {teams} 组执法人员",
                        "inspectors 中每个对象一组（如 [[zhang-san, li-si]]），与 objects 一一对应"),
    "E-DRAW-EARLY": (P, "抽查计划 {plan} 第 {batch} 批的公开随机数 {date} 开奖，不晚于计划公布日期 {published}",
                     "随机数必须在计划和名录库公布之后才产生，否则抽取结果可以事先算出；请改用公布之后某一日的开奖号码"),
    "E-DRAW-BEFORE-VALUE": (P, "抽查计划 {plan} 第 {batch} 批在 {date} 抽取，早于公开随机数开奖日期 {value_date}",
                            "请核对抽取日期和开奖日期：开奖之后才能抽取"),
    "W-DRAW-VALUE-MISSING": (W, "抽查计划 {plan} 第 {batch} 批的公开随机数已于 {value_date} 开奖，还没有填写开奖号码",
                             "请照开奖公告填写 randomness 的 value，再运行 gongshi draw 得到抽取结果"),
    "E-DRAW-FAILED": (P, "抽查计划 {plan} 第 {batch} 批无法抽取：{reason}", "请核对名录库、执法人员清单和计划中的人数"),
    "E-INSPECT-DRAWN-TWICE": (P, "对象 {name}（{object}）在抽查计划 {plan} 中被抽中了两次（第 {first} 批和第 {batch} 批）",
                              "同一计划中已抽中的对象不再参加抽取；确需重复抽查的，请在计划中写 allow_repeat: true"),
    "E-TASK-DRAW-UNKNOWN": (E, "检查任务 {task} 所属的抽取批次 {draw} 在抽查计划 {plan} 中不存在",
                            "已有的批次：{known}"),
    "E-TASK-DRAW-PENDING": (P, "检查任务 {task} 所属的抽查计划 {plan} 第 {draw} 批还没有填写公开随机数的开奖号码，"
                                 "无法核对检查对象和检查人员是不是抽中的",
                            "开奖之后先照开奖公告填写该批 randomness 的 value，再按抽取结果安排检查；"
                            "已经检查的，请核对 draw 是否写错了批次"),
    "E-TASK-NOT-DRAWN": (P, "检查任务 {task} 的对象 {object} 不是第 {draw} 批抽中的对象（抽中的是：{drawn}）",
                         "双随机抽查只能检查抽中的对象；请核对任务，或运行 gongshi draw --plan 查看抽取结果"),
    "E-TASK-INSPECTORS-NOT-DRAWN": (P, "检查任务 {task} 的检查人员（{listed}）不是为对象 {object} 抽中的人员（{drawn}）",
                                    "检查人员须按抽取结果选派；确需调整的，请按规定重新抽取并记录"),
    "E-INSPECT-TOO-FEW": (P, "检查任务 {task} 只有 {count} 名检查人员，至少应有 {minimum} 名（{citation}）",
                          "请在 inspectors 中列出全部检查人员的编号"),
    "E-INSPECT-CERTIFICATE": (P, "检查任务 {task} 的检查人员 {name}（{officer}）在检查日期 {date} 没有有效的执法证（{standing}）",
                              "未取得有效执法证件的人员不得从事行政执法工作；请核对检查人员或证件"),
    "E-INSPECT-RECUSED": (P, "检查任务 {task} 的检查人员 {name}（{officer}）对 {object} 应当回避：{reason}",
                          "回避的人员不得参加对该对象的检查；请更换检查人员"),
    "W-INSPECT-QUIET": (W, "检查任务 {task} 在 {date} 检查{type} {object}，在本县的“安静期”（{days}）内，没有写明理由（{citation}）",
                        "安静期内原则上不检查；确属特殊情形的，请在 quiet_period_exception 中写明理由：{exceptions}"),
    "E-INSPECT-QUIET": (P, "检查任务 {task} 在 {date} 检查{type} {object}，在本县的“安静期”（{days}）内，没有写明理由（{citation}）",
                        "安静期内不检查；确属特殊情形的，请在 quiet_period_exception 中写明理由：{exceptions}"),
    "W-INSPECT-QUIET-REASON": (W, "检查任务 {task} 在“安静期”内检查的理由“{reason}”不是本县规定的特殊情形（{citation}）",
                               "可以写的理由：{exceptions}；其他理由请报经批准并在 note 中说明"),
    "E-INSPECT-QUIET-REASON": (P, "检查任务 {task} 在“安静期”内检查的理由“{reason}”不是本县规定的特殊情形（{citation}）",
                               "可以写的理由：{exceptions}"),
    "E-TASK-BEFORE-DRAW": (P, "检查任务 {task} 的检查日期 {date} 早于抽取日期 {drawn}", "请核对检查日期和抽取日期"),
    "E-RESULT-LATE": (P, "检查任务 {task} 的结果于 {formed} 形成，应在 {within} 个工作日内即 {deadline} 前公示，"
                         "实际 {published} 才公示，晚了 {late} 个工作日（{citation}）", "请核对结果形成日期和公示日期"),
    "E-RESULT-MISSED": (P, "检查任务 {task} 的结果逾期未公示：于 {formed} 形成，应在 {within} 个工作日内即 {deadline} 前公示（{citation}）",
                        "请立即公示，并在 result 中填写 published"),
    "W-RESULT-SOON": (W, "检查任务 {task} 的结果须在 {deadline} 前公示，还剩 {left} 个工作日", "请尽快公示，并在 result 中填写 published"),
    "E-RESULT-DECISION-UNKNOWN": (E, "检查任务 {task} 的结果引用的执法决定 {decision} 不存在",
                                  "请填写 decisions/ 中决定文件的文件名（不含 .yml），如 2026-003"),
    # gongshi draw: a county's draws, and the check of a published draw.json
    "E-DRAW-FILE": (E, "{file} 不是县文件夹中的抽查计划文件 random-inspections.yml",
                    "请写某个县文件夹中的 random-inspections.yml，如 gongshi draw --plan content/shili/random-inspections.yml"),
    "E-DRAW-NO-BATCH": (E, "抽查计划中没有批次 {draw}", "已有的批次：{known}（其他计划中也有同一编号的，写成 计划/批次）"),
    "E-DRAW-AMBIGUOUS": (E, "批次 {draw} 在几个抽查计划中都有（计划 {plans}）", "请写成 计划/批次，如 --draw {example}"),
    "E-DRAW-NEEDS-ID": (E, "抽查计划中有 {count} 批是本局抽取的，--json 只能写其中一批的 draw.json",
                        "请用 --draw 写明哪一批，如 --draw {example}；本局抽取的批次：{known}"),
    "E-DRAW-JSON-NONE": (E, "抽查计划 {plan} 第 {batch} 批{why}，没有可以写入 {file} 的抽取",
                         "draw.json 只记录本局用公开随机数所作的抽取；请先填写开奖号码，或用 --draw 选另一批"),
    "W-DRAW-WAITING": (W, "抽查计划 {plan} 第 {batch} 批还不能抽取：还没有填写公开随机数（{source}{when}）",
                       "开奖后请照开奖公告填写 randomness 的 value，再运行 gongshi draw"),
    "E-DRAW-INCOMPLETE": (E, "抽查计划 {plan} 第 {batch} 批还不能抽取：{reason}",
                          "本局抽取的，请写抽取日期 date、randomness（来源 source、开奖日期 date、开奖号码 value）和 count 或 ratio；"
                          "在平台上抽取的，请写 platform、objects 和 inspectors"),
    "E-DRAW-JSON": (E, "无法核验：{detail}", "请使用网站上抽查计划页面公布的 draw.json，下载后不要改动"),
    "E-DRAW-MISMATCH": (E, "按文件中的输入重新计算，{what}与文件所写的不同：文件写的是 {stated}，重新计算的是 {recomputed}",
                        "文件中的输入或结果在公布后被改动过，或者这次抽取不是按 {algorithm} 做的：这份抽取结果不能采信，请向公布它的单位核实"),
    # check: history (撤下、更正、信用修复)
    "E-WITHDRAWAL-LATE": (P, "决定 {case} 于 {date} 被{event}，应在 {within} 个工作日内即 {deadline} 前撤下公示，"
                             "实际 {withdrawn} 才撤下，晚了 {late} 个工作日（{citation}）",
                          "请核对撤下日期（withdrawn）；确有原因逾期的，请在 late_reason 中写明原因"),
    "E-WITHDRAWAL-OVERDUE": (P, "决定 {case} 于 {date} 被{event}，应在 {within} 个工作日内即 {deadline} 前撤下公示，"
                               "到 {today} 还没有填写撤下日期（{citation}）",
                             "请立即填写 withdrawn（撤下日期，即提交本记录的日期），并在 late_reason 中写明逾期原因；"
                             "改好后重新生成，该决定即从网站撤下"),
    "W-WITHDRAWAL-UNDATED": (W, "决定 {case} 于 {date} 被{event}，本次生成即从网站撤下，代之以撤下说明；"
                               "撤下日期须在 {deadline} 前填写",
                             "请填写 withdrawn（撤下日期，即提交本记录的日期）"),
    "E-HISTORY-FUTURE": (E, "决定 {case} 的{event}记录中，{field} 是 {date}，晚于今天 {today}",
                         "后续事件发生、撤下完成后才能记录；请核对日期"),
    "E-HISTORY-ORDER": (E, "决定 {case} 的{event}记录中，{field}（{date}）早于{other}（{other_date}）", "请核对这两个日期"),
    "E-NOTICE-NAMES-PARTY": (E, "决定 {case} 撤下说明的 {field} 中写了当事人的{what}",
                             "撤下说明公开理由，但不再公开当事人：请改写为“当事人”“该单位”等"),
    "E-CORRECTION-HIDDEN": (E, "决定 {case} 的更正记录写的字段 {value} 是不公示的字段，网站上没有可更正的内容",
                            "不公示的字段直接改正即可，请删除这条更正记录"),
    "E-CREDIT-REPAIR-KIND": (P, "决定 {case} 是{kind}决定，信用修复只适用于{kinds}信息（{citation}）",
                             "请删除这条信用修复记录，或核对决定类别"),
    "E-CORRECTION-FIELD": (E, "决定 {case} 的更正记录写的字段 {value} 不存在或没有填写",
                           "field 请写被更正的字段（更正后的内容直接改在该字段中），可写：{known}"),
    "E-CREDIT-REPAIR-EARLY": (P, "决定 {case} 是{severity}失信信息，最短公示期到 {earliest} 届满，{repaired} 不能完成信用修复（{citation}）",
                              "请核对信用修复日期；最短公示期届满前不得提前撤下"),
    # check: withholding (暂停公示)
    "W-WITHHELD": (W, "决定 {case} 自 {date} 起暂停公示，不在网站上（原因：{reason}）",
                   "原因消除后请删除 withheld 这一项，下次生成即恢复公示；决定被变更、撤销、确认违法、确认无效的，请用 gongshi withdraw 记录"),
    "E-WITHHELD-FUTURE": (E, "决定 {case} 的暂停公示日期 {date} 晚于今天 {today}", "暂停公示的当天才能记录；请核对日期"),
    # gongshi withdraw, correct, mark-published, withhold: guided edits of one decision file
    "E-EDIT-NO-DECISION": (E, "县 {county} 没有执法决定 {decision}",
                           "编号就是 decisions/ 中的文件名（不含 .yml）；已有的决定：{known}"),
    "E-EDIT-UNREADABLE": (E, "这个文件有上面的错误，无法自动修改", "请先在编辑器中改正上面的错误，再运行这个命令"),
    "E-EDIT-EVENT": (E, "{event} 不是撤下公示的事件", "--event 只能写：{events}（{citation}）；更正请用 gongshi correct"),
    "E-EDIT-WITHDRAWN-TWICE": (E, "决定 {case} 已于 {date} 被{event}（第 {line} 行），不能再记录一次撤下",
                               "一个决定只撤下一次；重新作出的决定请写在新的决定文件中"),
    "E-EDIT-FUTURE": (E, "{what} {date} 晚于今天 {today}", "事情发生之后才能记录；请核对日期"),
    "E-EDIT-FIELD": (E, "决定 {case} 没有可以更正的字段 {field}（不存在、没有填写，或者下面还有多项内容）",
                     "--field 请写要更正的一项，可写：{known}"),
    "E-EDIT-FIELD-HIDDEN": (E, "字段 {field}（{title}）不公示，网站上没有可更正的内容",
                            "不公示的字段请直接在编辑器中改正，不需要更正记录"),
    "E-EDIT-VALUE": (E, "字段 {field}（{title}）应当是{expected}，收到 {value}", "请核对 --value"),
    "E-EDIT-SAME": (E, "字段 {field}（{title}）现在就是 {value}，没有要更正的内容", "请核对 --field 和 --value"),
    "E-EDIT-NEVER-PUBLISHED": (E, "决定 {case} {why}，不公示", "{hint}"),
    "E-EDIT-PUBLISHED-TWICE": (E, "决定 {case} 已于 {published} 公示（第 {line} 行）",
                               "不需要再标记；公示日期写错了的，请用 gongshi correct --field published 更正"),
    "E-EDIT-APPROVAL-NEEDED": (E, "决定 {case} 还没有公示审批（approval），公示须先经审批",
                               "请写明审批人和审批日期，如 --approved-by \"局长 张某\" --approved YYYY-MM-DD"),
    "E-EDIT-APPROVAL-DIFFERS": (E, "决定 {case} 已有公示审批（第 {line} 行）：{by} {date}，与这次写的 {new_by} {new_date} 不同",
                                "已有的审批不会被改写：请去掉 --approved-by 和 --approved；已有的审批写错了的，请先在编辑器中改正"),
    "E-EDIT-LATE-INCOMPLETE": (E, "逾期公示须写明逾期原因、批准人和批准日期，这次只写了 {given}",
                               "请同时写 --late-reason、--late-approved-by 和 --late-approved"),
    "E-EDIT-WITHHELD-TWICE": (E, "决定 {case} 已于 {date} 暂停公示（第 {line} 行）：{reason}",
                              "不需要再暂停；原因消除后请删除 withheld 这一项，即恢复公示"),
    "E-EDIT-LAYOUT": (E, "这个文件的写法无法在保持其他各行不变的情况下自动修改",
                      "请直接在编辑器中修改，格式见 schemas/decision.schema.json"),
    "E-EDIT-ROLLED-BACK": (E, "修改后这个文件有了新的错误（见上），已恢复原样，没有保存任何改动",
                           "请按上面的提示改正命令中写的内容后重新运行"),
    "W-EDIT-ERRORS-BEFORE": (W, "这个文件修改之前就有错误（见上），修改已保存", "这些错误仍须改正，请按上面的提示修改"),
    # check: fines (医疗保障基金使用监督管理条例 第三十七条至第四十一条)
    "E-FINE-ABOVE-MAX": (P, "决定 {case} 的罚款 {fine} 超过法定上限：{ranges}（{citation}）",
                         "从轻、减轻处罚都不能高于法定上限；请核对罚款金额、outcome 中的基数和 basis 中的条款"),
    "E-FINE-BELOW-MIN": (P, "决定 {case} 的罚款 {fine} 低于法定下限：{ranges}（{citation}）",
                         "低于法定下限只能是减轻处罚（{mitigation}）：确有减轻情形的，请在 mitigation 中写 "
                         "type: 减轻 和 ground 或 exemption；否则请核对罚款金额"),
    "E-FINE-LIGHTER-BELOW-MIN": (P, "决定 {case} 写的是从轻处罚，罚款 {fine} 却低于法定下限：{ranges}（{citation}）；"
                                    "从轻处罚只能在法定幅度内选择较低的罚款，低于下限的是减轻处罚（{mitigation}）",
                                 "确属减轻处罚的，请把 mitigation 的 type 改为 减轻；否则请把罚款改到法定幅度内"),
    "E-FINE-BASE-MISSING": (P, "决定 {case} 依据{article}处罚款，罚款按{base}的倍数计算，但 outcome 中没有填写 {field}，"
                               "无法核对罚款是否在法定幅度内",
                            "请在 outcome 中填写 {field}（{base}，元）"),
    "E-FINE-NOT-REFUSED": (P, "决定 {case} 依据{citation}处罚款，但该条只对{condition}的处{low}至{high}的罚款，"
                              "outcome 中没有写明{condition}",
                           "属于这种情形的，请在 outcome 中写 {flags}；不属于的，不能依{article}处罚款"),
    "E-FINE-NO-PROVISION": (P, "决定 {case} 处了罚款，但所引的{article}没有罚款的规定",
                            "有罚款规定的是{provided}；请核对 basis 中的条款（写到款），或删除罚款"),
    "E-SUSPENSION-NO-PROVISION": (P, "决定 {case} 暂停 {months} 个月，但所引的{article}没有暂停的规定",
                                  "有暂停规定的是{provided}；请核对 basis 中的条款，或删除 suspension_months"),
    "E-SUSPENSION-RANGE": (P, "决定 {case} 暂停 {months} 个月，不在所引条款的幅度内：{ranges}（{citation}）",
                           "请核对 suspension_months 和 basis 中的条款；低于下限只能是减轻处罚，须在 mitigation 中写明依据"),
    "E-SUSPENSION-CONDITION": (P, "决定 {case} 依据{article}{what} {months} 个月，但该条只在{condition}时暂停，"
                                  "outcome 中没有写明（{citation}）",
                               "属于这种情形的，请在 outcome 中写 {flags}（符合的那一项）；否则不能暂停"),
    "E-MITIGATION-LIST": (P, "决定 {case} 的{type}处罚引用的 {item} 是{list}中的事项，{type}处罚须依{lists}中的事项"
                             "或法定情形（{citation}）",
                          "从轻只能在法定幅度内；确属减轻的，请引用减轻行政处罚事项清单中的事项，或在 ground 中写明法定情形；"
                          "否则请把 type 改为 从轻，罚款改到法定幅度内"),
    "E-MITIGATION-POWER": (P, "决定 {case} 的{type}处罚引用的 {item} 是执法事项 {item_power} 的清单事项，本决定的执法事项是 "
                              "{power}（{citation}）",
                           "请引用本执法事项的清单事项，或在 ground 中写明法定情形"),
    "E-MITIGATION-GROUND": (P, "决定 {case} 写了{type}处罚，但没有写明依据；从轻、减轻处罚须有法定情形（{citation}）",
                            "请在 mitigation 中写 ground（法定情形的哪一项）或 exemption（exemptions.yml 中"
                            "从轻、减轻处罚清单的编号）；没有法定情形的，请删除 mitigation，在法定幅度内处罚"),
    # check: legal review (重大执法决定法制审核)
    "E-REVIEW-MISSING": (P, "决定 {case} 属于重大执法决定（{reasons}），但没有法制审核记录；作出重大执法决定前必须经过法制审核"
                            "（{citation}）",
                         "请填写 legal_review 的审核人员（reviewer）、送审日期（submitted）和审核完成日期（completed）；"
                         "未经法制审核或者审核未通过的，不得作出决定"),
    "E-REVIEW-BY-CASE-OFFICER": (P, "决定 {case} 的法制审核人员 {name}（{reviewer}）也是本案的承办执法人员；参与该次执法的人员"
                                    "不得对其进行法制审核（{citation}）",
                                 "请由未参与本案的法制审核人员审核，并在 legal_review 的 reviewer 中填写其编号"),
    "E-REVIEW-TOO-LONG": (P, "决定 {case} 的法制审核从 {submitted} 送审到 {completed} 完成，用了 {days} 个工作日，"
                             "超过 {limit} 个工作日，又没有写明经批准延长（{citation}）",
                          "因特殊情况经法制审核机构负责人批准延长的，请在 legal_review 中写 extended: true（最多延长 {extension} 个"
                          "工作日）；否则请核对送审和完成日期"),
    "E-REVIEW-TOO-LONG-EXTENDED": (P, "决定 {case} 的法制审核从 {submitted} 送审到 {completed} 完成，用了 {days} 个工作日，"
                                      "超过经批准延长后的 {total} 个工作日（{limit} 个工作日，可延长 {extension} 个工作日）"
                                      "（{citation}）",
                                   "请核对送审和完成日期；退回补充材料后再次送审的，请填写再次送审的日期"),
    "E-REVIEW-AFTER-DECISION": (P, "决定 {case} 于 {decided} 作出，早于法制审核完成日期 {completed}；未经法制审核的，不得作出决定"
                                   "（{citation}）",
                                "请核对作出决定日期（decided）和审核完成日期（legal_review 的 completed）"),
    "E-REVIEW-DATES": (P, "决定 {case} 的法制审核完成日期 {completed} 早于送审日期 {submitted}",
                       "请核对 legal_review 中的 submitted 和 completed"),
    # check: annual report (年度执法数据)
    "E-ANNUAL-MISSING": (P, "{year} 年度执法数据说明逾期未公开，应于 {deadline} 前公开（{citation}）",
                         "请在 {file} 的 reports: 下添加一项：一行写“- year: {year}”，下一行写“summary: ”加这一年行政执法"
                         "总体情况的说明，summary 与 year 上下对齐{create}；网站上的统计表由执法决定自动生成，不用填写"),
    "W-ANNUAL-DUE": (W, "{year} 年度执法数据说明须在 {deadline} 前公开，还没有填写（{citation}）",
                     "请在 {file} 的 reports: 下添加一项：一行写“- year: {year}”，下一行写“summary: ”加这一年行政执法"
                     "总体情况的说明，summary 与 year 上下对齐{create}；网站上的统计表由执法决定自动生成，不用填写"),
    # check: the procedure of a 行政处罚
    "E-DECIDE-LATE": (P, "决定 {case} 于 {filed} 立案，{decided} 才作出决定，用了 {days} 日{excluded}，超过 {limit} 日{extended}"
                         "（{citation}）",
                      "请核对立案和作出决定的日期；听证、公告、检测、检验、检疫、鉴定的期间请写在 excluded_periods 中；"
                      "依法经批准延长的，请在 time_extension 中写明延长日数、依据、批准人和批准日期"),
    "E-SERVE-MISSING": (P, "决定 {case} 写的是事后送达，但没有送达日期；当事人不在场的，应在 {within} 个工作日内送达（{citation}）",
                        "请填写 served（送达日期）；宣告后当场交付的，请把 delivery 改为 当场交付"),
    "E-SERVE-LATE": (P, "决定 {case} 于 {decided} 作出，应在 {within} 个工作日内即 {deadline} 前送达，实际 {served} 才送达（{citation}）",
                     "请核对作出决定和送达的日期（served）"),
    "E-SUMMARY-PROCEDURE": (P, "决定 {case} 适用简易程序，但处罚的是{what}；简易程序只适用于警告或者对{who}{limit}以下的罚款（{citation}）",
                            "请核对 procedure 和处罚结果；超出的应当适用普通程序（立案、调查、告知、法制审核）"),
    "E-RECUSED-OFFICER": (P, "决定 {case} 中已回避的人员 {officer} 又是本案的{roles}（{citation}）",
                          "回避的人员不得再承办或审核本案；请核对 officers、legal_review 的 reviewer 和 recusals"),
    "E-HEARING-NOT-NOTIFIED": (P, "决定 {case} 的处罚（{reasons}）应当告知当事人有要求听证的权利，但没有告知的记录（{citation}）",
                               "请在 hearing 中写 notified（告知听证权利的日期），当事人要求听证的写 requested 和 held"),
    "E-HEARING-NOT-HELD": (P, "决定 {case} 的当事人于 {requested} 要求听证，但 {decided} 作出决定前没有举行听证（{citation}）",
                           "请在 hearing 中写 held（举行听证的日期）；未经听证不得作出该处罚"),
    "E-HEARING-TOO-SOON": (P, "决定 {case} 于 {notified} 告知听证权利，{decided} 就作出了决定，当事人要求听证的 {days} 个工作日"
                              "（到 {ends}）还没有过完（{citation}）",
                           "请核对日期；当事人明确放弃听证的，请在 hearing 中写 waived: true"),
    "W-FIRST-VIOLATION": (W, "决定 {case} 的执法事项 {power} 在不予行政处罚事项清单中（{items}），当事人是初次违法，仍作了处罚"
                             "（{citation}）",
                          "首违不罚是“可以”：请确认本案不符合清单的条件（如危害后果不轻微、未及时改正），并在案卷中写明理由"),
    "E-FIRST-VIOLATION": (P, "决定 {case} 的执法事项 {power} 在不予行政处罚事项清单中（{items}），当事人是初次违法，本县规定清单"
                             "必须适用，却作了处罚（{citation}）",
                          "符合清单条件的应当不予行政处罚；不符合的，请核对 first_violation 和清单中的适用条件"),
    "W-SITE-URL-MISSING": (W, "站点配置没有写 site_url（本县网站发布后的正式网址）：站点地图 sitemap.xml 将是空的，"
                              "搜索引擎也不知道各页的正式网址，检查任务和执法证核验页也没有二维码",
                           "请加一行 site_url: 本县网站的网址（以 / 结尾），如 site_url: https://www.example.gov.cn/gongshi/shili/"),
    # check: the law a county applies (site_config extra.law)
    "E-LAW-LOOSER": (E, "本县把{title}改为 {value}{unit}，比{profile}适用的规定（{bound}{unit}，{citation}）更宽",
                     "本县只能规定得更严：请改为{direction} {bound}{unit}的值，或删除 {name} 这一项"),
    "E-LAW-FIXED": (E, "{title}由法律规定（{citation}），本县不能改", "请删除 extra.law 中的 {name}"),
    "W-LAW-UNCITED": (W, "本县把{title}改为 {value}{unit}（{profile}适用的规定是 {bound}{unit}），但没有写明依据",
                      "请写成 {name}: {{value: {value}, citation: 规定更严的文件和条款}}，错误提示会同时引用它"),
    # render / verify / publish
    "E-SITE-CONFIG": (E, "站点配置无法使用：{detail}", "请检查 site_config 中该县的配置和根目录的 mkdocs.yml"),
    "E-ATTACHMENT-LINK": (E, "附件 {value} 是一个链接（快捷方式），不是文件本身", "请把文件本身放进 documents/ 文件夹"),
    "E-ATTACHMENT-ROOT-LINK": (E, "链接 {url} 以 / 开头，网站放在子目录下发布时会失效",
                               "请写完整网址（以 https:// 开头），或链接到本网站的栏目"),
    "E-RENDER-SITE": (E, "生成网站失败：{detail}", "这是程序问题，请把这条信息报告给维护人员"),
    "E-VERIFY-OUTSIDE-HOST": (E, "网页从外部网站加载资源 {url}",
                              "公示网站不得从其他网站加载字体、脚本、样式或图片；请删除该引用"),
    "E-VERIFY-MARKUP": (E, "网页中有不属于主题的可执行内容 {what}",
                        "这是程序问题（内容中的文字都应按原样显示），请把这条信息报告给维护人员；原网站保持不变"),
    "W-VERIFY-BROKEN-LINK": (W, "网页中的链接 {url} 指向的文件在网站中不存在",
                             "访问者点开会看到“找不到页面”：请检查生成这一页的记录或附件中的链接，或报告 gongshi 的维护人员"),
    "E-VERIFY-ROOT-PATH": (E, "网页使用了以 / 开头的地址 {url}，放在子目录下发布时会失效",
                           "请改用相对地址"),
    "E-PUBLISH-NOT-SITE": (E, "输出目录 {out} 已有内容，但不是 gongshi 生成的网站，拒绝覆盖",
                           "请换一个输出目录（--out），或先清空该目录"),
    "E-PUBLISH": (E, "发布失败：{detail}", "原有网站保持不变；请检查输出目录的权限和磁盘空间"),
    "E-ROLLBACK-NONE": (E, "没有更早的一代网站可以回退（保留了 {kept} 代）", "每次生成保留最近 {keep} 代；回退只能回到当前这一代之前的一代"),
    "E-ROLLBACK-UNSAFE": (E, "不能回退到 {generation}：那一代网站中有今天不应公开的内容，见下", "请改正内容后重新生成，而不是回退"),
    "E-ROLLBACK-REMOVED": (E, "决定 {case} 今天不应在网站上（{reason}），回退会让它重新出现", "请改正内容后重新生成，而不是回退"),
    "E-ROLLBACK-UNKNOWN": (E, "没有记录县 {county} 的那一代网站是怎样生成的，无法确认回退后没有应撤下的内容", "请改正内容后重新生成，而不是回退"),
    "W-STATE-UNSAVED": (W, "网站已发布，但无法保存本次生成的记录（{detail}）",
                        "下次生成会全部重做，有错误的县也没有上次的网站可保留；请检查输出目录旁边的 .OUT.generations/ 的权限和磁盘空间"),
    "E-PORTAL-NOT-SITE": (E, "这里不是 gongshi 生成的网站，不能用来组成总入口", "--from 请写 gongshi build --shard 的输出目录"),
    "E-PORTAL-TWICE": (E, "县 {county} 在两个输出目录中都有（另一个是 {first}）",
                       "每个县只能由一个分片生成；请检查各分片是否都用同样的 --shard I/N 的 N，输出目录是否混用"),
}


# Codes that say a file did not load or does not follow its schema: what it holds cannot be counted on.
FILE_SPOILING_PREFIXES = ("E-YAML", "E-FILE", "E-SCHEMA", "E-DECISION")


def spoils_file(found: Finding) -> bool:
    return found.is_error and found.code.startswith(FILE_SPOILING_PREFIXES)


def finding(code: str, path, line: int | None = None, **params) -> Finding:
    kind, message, hint = CODES[code]
    params.setdefault("line", line)
    return Finding(code, kind.severity, str(path), line, message.format(**params), hint.format(**params), kind.effect)
