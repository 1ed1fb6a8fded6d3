"""The record kinds of a county folder: file name, schema, and the section it feeds.

One place for each fact: the loader, the checks, the public view and the README's table all read
this list.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str          # key used across the pipeline
    file: str          # file name inside content/<county>/
    title: str         # what the clerk calls it
    required: bool = False
    expected: bool = True   # a county without it is told (W-SECTION-MISSING): the law asks every county for it

    @property
    def schema(self) -> str:
        return f"{self.name}.schema.json"


KINDS: tuple[Kind, ...] = (
    Kind("subject", "subject.yml", "行政执法主体", required=True),
    Kind("officers", "officers.yml", "行政执法人员清单"),
    Kind("powers", "powers.yml", "行政执法权力、责任清单"),
    Kind("legal-review", "legal-review.yml", "重大执法决定法制审核目录清单"),
    Kind("remedies", "remedies.yml", "救济渠道与监督方式"),
    Kind("responsibility", "responsibility.yml", "行政执法责任制"),
    Kind("discretion", "discretion.yml", "行政执法自由裁量基准"),
    Kind("exemptions", "exemptions.yml", "减免责清单"),
    Kind("inspections", "inspections.yml", "双随机抽查事项清单"),
    Kind("documents", "documents.yml", "公示文件"),
    Kind("annual", "annual.yml", "执法结果与年度数据说明"),
    # 双随机、一公开 run by the county itself: the pool it draws from, and its plans, draws, tasks
    # and results. A county whose draws are all made on a province's platform may keep only the plans.
    Kind("inspection-objects", "inspection-objects.yml", "双随机抽查对象名录库", expected=False),
    Kind("random-inspections", "random-inspections.yml", "双随机抽查计划、抽取和结果", expected=False),
)

KIND_BY_FILE = {kind.file: kind for kind in KINDS}
SITE_CONFIG = Kind("site-config", "site_config/<县>.yml", "站点配置", required=True)

# Decisions are one file each, in this folder of the county; the file name is the decision's id.
DECISION_DIR = "decisions"
DECISION = Kind("decision", f"{DECISION_DIR}/<编号>.yml", "执法决定")

ALL_KINDS = KINDS + (DECISION,)   # every kind of content file the checks read
KIND_BY_NAME = {kind.name: kind for kind in ALL_KINDS}

# Attachments named in documents.yml live here, inside the county folder.
ATTACHMENT_DIR = "documents"
