"""The ten sections of a county site, in the order of the Jiange model page (seed 004), and the
data download page after them.

Page file, number and title live here only: the Markdown tree, the navigation and the home page
all read this list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    page: str        # Markdown file, and so the permanent URL: subject.md → subject/
    number: str
    title: str
    summary: str

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}" if self.number else self.title


SECTIONS: tuple[Section, ...] = (
    Section("subject.md", "一", "行政执法主体", "执法主体的名称、地址、电话，内设执法机构及其职责"),
    Section("officers.md", "二", "行政执法人员清单", "持有效行政执法证件的人员及证件信息"),
    Section("powers.md", "三", "行政执法权力、责任清单", "行政执法事项、职权类型、法定依据和责任"),
    Section("legal-review.md", "四", "重大执法决定法制审核目录清单", "作出前必须经过法制审核的重大执法决定"),
    Section("remedies.md", "五", "救济渠道与行政执法责任制", "当事人的权利，复议、诉讼、投诉举报的途径"),
    Section("discretion.md", "六", "行政执法自由裁量基准", "裁量基准和不予、从轻、减轻处罚等减免责清单"),
    Section("inspections.md", "七", "双随机抽查事项清单", "随机抽查的事项、依据、对象、内容和方式"),
    Section("documents.md", "八", "行政执法文书样式与案卷评查制度", "执法文书标准、案卷评查办法和其他公示文件"),
    Section("results.md", "九", "执法结果与年度数据", "抽查结果、行政处罚决定和年度执法数据"),
    Section("three-systems.md", "十", "行政执法三项制度方案", "执法公示、全过程记录、法制审核三项制度"),
)

HOME = "index.md"
SEARCH = "search.md"   # not in the navigation: the search form of every page leads to it

# After the ten sections: every list and the decisions as CSV and JSON, with their data dictionary
# (render/open_data.py). Its files are published beside it, under data/.
DATA = Section("data.md", "", "数据下载", "各项清单和执法决定的 CSV、JSON 文件，“双公示”行政处罚数据，数据字典")

# Documents are shown on the page of their category; links to a document go there.
DOCUMENT_PAGE = {"三项制度方案": "three-systems.md"}
DEFAULT_DOCUMENT_PAGE = "documents.md"


def document_url(document: dict) -> str:
    return f"{DOCUMENT_PAGE.get(document['category'], DEFAULT_DOCUMENT_PAGE)}#doc-{document['id']}"


def page_url(markdown_path: str) -> str:
    """Where the site engine publishes a page, relative to the county site: decisions/2025-001.md →
    decisions/2025-001/, documents.md#doc-x → documents/#doc-x."""
    path, _, anchor = markdown_path.partition("#")
    url = "" if path == "index.md" else (path[:-len("index.md")] if path.endswith("/index.md") else path[:-3] + "/")
    return url + (f"#{anchor}" if anchor else "")
