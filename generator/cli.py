"""The command line. It parses the arguments and hands each command to the one function that does it:

  gongshi validate   check all content, one finding a line              validate.validate_findings
  gongshi build      validate, then build each county site and the portal build.build
  gongshi serve      one county built into a temporary folder, served here serve.Preview
                     and built again on every change, findings on each page
  gongshi precommit  validate the counties the given files belong to     precommit.counties_touched
  gongshi portal     the province site from the outputs of sharded builds assemble.assemble_portal
  gongshi rollback   publish again the generation before the current one rollback.rollback
  gongshi scan DIR   search built files for personal data and secrets    scan.scan
  gongshi status     each county's to-do list, soonest first             status.status
  gongshi withdraw   record a 撤销/变更/… in a decision, shown and checked  edits.withdraw
  gongshi correct    correct a decision's field and record the 更正       edits.correct
  gongshi mark-published  the publication date and its approval        edits.mark_published
  gongshi withhold   take a decision off the site at once (暂停公示)       edits.withhold
  gongshi report     one year's enforcement figures (text, JSON, CSV)    report.annual_report
  gongshi import     officers, powers or decisions from an Excel or CSV   importer.import_register
                     register; shown, and written only with --write
  gongshi draw       a county's random draws (双随机), with the tasks to   drawing.draw_plan
                     copy; --verify: check a published draw.json         drawing.verify_published
  gongshi init DIR   a new repository for a province, with an example    init.init_repository
  gongshi new KIND   a new content file (or county) to fill in            scaffold.new_file, new_county
  gongshi schemas    rewrite the repository's copy of the schemas        init.write_schemas
  gongshi --version  the installed version and the content format it reads

Every finding is printed by reporter.print_findings. Options and exit codes: the README.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
import threading
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from .assemble import assemble_portal
from .build import NOT_BUILT, BuildReport, build
from .codes import finding
from .drawing import draw_plan, verify_published
from .edits import Target, correct, mark_published, withdraw, withhold
from .load.repository import SCHEMA_COPY
from .load.shards import parse_shard
from .paths import display_path
from .precommit import counties_touched
from .serve import Preview
from .errors import BuildRefused
from .findings import has_errors
from .parallel import default_jobs
from .importer import IMPORTABLE, import_register
from .init import init_repository, is_repository, next_steps, write_schemas
from .render.report_formats import FORMATS
from .report import annual_report
from .reporter import FINDING_FORMATS, github_annotations, gitlab_code_quality, print_findings, print_lines, write_data
from .rollback import rollback
from .scaffold import COUNTY, KIND_CHOICES, new_county, new_file
from .scan import scan
from .status import status
from .validate import validate_findings
from .version import CONTENT_FORMAT, __version__

# China keeps one time zone, UTC+8, with no daylight saving: "today" is the date there, whatever the machine's zone.
CHINA = timezone(timedelta(hours=8), "Asia/Shanghai")


def china_today(now: datetime | None = None) -> date:
    """Today's date in China at `now` (default: this moment), whatever the machine's zone."""
    return (now or datetime.now(timezone.utc)).astimezone(CHINA).date()


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，收到 {text!r}") from None


def _validate(args) -> int:
    findings = validate_findings(args.content, args.config, args.county, args.today, args.jobs)
    if args.format == "github":
        write_data(github_annotations(findings))
    elif args.format == "gitlab":
        write_data(gitlab_code_quality(findings))
    else:
        print_findings(findings)
    return 1 if has_errors(findings) else 0


def _build(args) -> int:
    """0: everything built and clean; 1: published, with errors (what failed kept its previous
    output); 2: refused, nothing published."""
    try:
        report = build(args.content, args.config, args.out, args.today, args.county, args.jobs, args.shard)
    except BuildRefused as refused:
        print_findings(refused.findings)
        print_lines([NOT_BUILT.format(out=args.out)], sys.stderr)
        _write_summary(args.summary, BuildReport(args.today, refused.findings, refused=True), args.out)
        return 2
    print_findings(report.findings)
    print_lines(report.built_lines(args.out))
    _write_summary(args.summary, report, args.out)
    return 1 if report.has_errors else 0


def _write_summary(path: Path | None, report: BuildReport, out: Path) -> None:
    if path is not None:
        path.write_text(json.dumps(report.summary(out), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _serve(args) -> int:
    """0: stopped with Ctrl-C; 1: could not start (no such county, the port is taken)."""
    preview = Preview(args.content, args.config, args.county, args.today, args.port)
    problems = preview.start()
    if problems:
        print_findings(problems, sys.stderr)
        return 1
    print_findings(preview.findings)
    print_lines([f"本地预览：请在浏览器中打开 {preview.url}（改动内容后自动重新生成；按 Ctrl-C 停止）"])
    try:
        preview.watch(threading.Event(), _show_rebuilt)
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
    print_lines(["已停止本地预览。"])
    return 0


def _show_rebuilt(findings) -> None:
    print_lines(["有改动，已重新生成："])
    print_findings(findings)


def _precommit(args) -> int:
    """0: the counties touched have no error (or none is touched); 1: an error."""
    counties = counties_touched(args.files, args.content, args.config)
    if counties == []:
        print_lines(["这些改动不涉及任何县，不用检查。"])
        return 0
    print_lines([f"检查改动涉及的县：{'、'.join(counties) if counties else '全部县（改了共用的文件）'}"])
    return _validate(argparse.Namespace(content=args.content, config=args.config, county=counties or [], today=args.today,
                                        jobs=default_jobs(), format="text"))


def _portal(args) -> int:
    """0: assembled and published; 2: refused, nothing published."""
    try:
        counties = assemble_portal(args.sources, args.out, args.today)
    except BuildRefused as refused:
        print_findings(refused.findings)
        print_lines([NOT_BUILT.format(out=args.out)], sys.stderr)
        return 2
    print_lines([f"已组成 {display_path(args.out / 'index.html')}：{len(counties)} 个县（{'、'.join(counties)}）"])
    return 0


def _rollback(args) -> int:
    """0: the previous generation is published again; 1: refused, nothing changed."""
    result = rollback(args.out, args.content, args.config, args.today)
    if result.findings:
        print_findings(result.findings, sys.stderr)
        print_lines([f"未回退：{display_path(args.out)} 保持原样。"], sys.stderr)
        return 1
    print_lines([f"已回退：{display_path(args.out)} 现在是 {result.generation.name} 这一代"])
    return 0


def _shard(text: str) -> tuple[int, int]:
    shard = parse_shard(text)
    if shard is None:
        raise argparse.ArgumentTypeError(f"--shard 应写成 I/N（第 I 份，共 N 份，1 ≤ I ≤ N），收到 {text!r}")
    return shard


def _scan(args) -> int:
    result = scan(args.dir, args.secret, args.secrets_file, args.content, args.config, args.today)
    if result.stops:
        print_findings(result.stops, sys.stderr)
        return 1
    print_findings(result.findings)
    return 0 if result.ok else 1


def _status(args) -> int:
    result = status(args.content, args.config, args.county, args.today)
    if not result.ok:
        print_findings(result.findings, sys.stderr)
        return 1
    print_lines(result.lines)
    return 0


def _target(args) -> Target:
    return Target(args.content, args.config, args.county, args.decision, args.today)


def _withdraw(args) -> int:
    return _show(withdraw(_target(args), args.event, args.date, args.reason, args.authority, args.withdrawn,
                          args.late_reason, args.remade))


def _correct(args) -> int:
    return _show(correct(_target(args), args.field, args.value, args.reason, args.date or args.today))


def _mark_published(args) -> int:
    return _show(mark_published(_target(args), args.date or args.today, args.approved_by, args.approved,
                                (args.late_reason, args.late_approved_by, args.late_approved)))


def _withhold(args) -> int:
    return _show(withhold(_target(args), args.reason, args.date or args.today))


def _show(edit) -> int:
    """0: written; 1: refused (told on standard error, like every command that cannot start), or
    written, found wrong and put back as it was."""
    stream = sys.stderr if edit.refused else sys.stdout
    print_lines(edit.lines)
    print_findings(edit.findings, stream)
    print_lines(edit.after, stream)
    return edit.code


def _report(args) -> int:
    result = annual_report(args.content, args.config, args.county, args.year, args.today, args.format)
    if not result.ok:
        print_findings(result.findings, sys.stderr)
        print_lines(["未生成统计。"], sys.stderr)
        return 1
    print_lines(result.notes, sys.stderr)
    write_data(result.text)
    return 0


def _import(args) -> int:
    """0: every row imported (or, without --write, would be); 1: some rows refused; 2: nothing could be read."""
    result = import_register(args.kind, args.file, args.county, args.content, args.mapping, args.show_mapping,
                             args.write, args.replace, args.today)
    print_lines(result.lines)
    if result.findings or not args.show_mapping:   # the mapping alone can be saved as the mapping file
        print_findings(result.findings)
    return result.code


def _draw(args) -> int:
    """0: shown (and written); 1: could not start, a batch could not be drawn, or a draw.json differs."""
    if args.verify is not None:
        result = verify_published(args.verify)
    else:
        result = draw_plan(args.plan, args.config, args.draw, args.json, args.today, args.freeze)
    print_lines(result.lines)
    if result.mismatch:
        print_findings(result.mismatch)
    if result.findings:
        print_findings(result.findings, sys.stderr)
    print_lines(result.after, sys.stderr)
    return result.code


def _init(args) -> int:
    result = init_repository(args.dir, args.today)
    if not result.ok:
        print_findings(result.findings, sys.stderr)
        return 1
    print_lines(next_steps(args.dir))
    return 0


def _new(args) -> int:
    """0: written; 1: refused (an existing file is never overwritten), nothing written."""
    if args.kind == COUNTY:
        if args.id is None:
            raise SystemExit(_usage_error("gongshi new county 后面请写新县的编号，如 gongshi new county jiange"))
        result = new_county(args.id, args.content, args.config, args.today)
    else:
        if args.county is None:
            raise SystemExit(_usage_error(f"请用 --county 写明在哪个县新建，如 gongshi new {args.kind} --county jiange"))
        result = new_file(args.kind, args.content, args.config, args.county, args.today)
    if not result.ok:
        print_lines(result.paste)
        print_findings(result.findings, sys.stderr)
        return 1
    county = args.id if args.kind == COUNTY else args.county
    print_lines([f"已写入 {display_path(path)}" for path in result.files]
                + [f"请把其中 {result.placeholders} 处 <请填写：…> 连同尖括号换成实际内容，再运行 gongshi validate --county {county}"])
    return 0


def _usage_error(message: str) -> int:
    print(f"gongshi new：{message}", file=sys.stderr)
    return 2


def _kind(text: str) -> str:
    if text not in KIND_CHOICES:
        raise argparse.ArgumentTypeError(f"没有 {text} 这种文件，可以新建：{'、'.join(KIND_CHOICES)}")
    return text


def _schemas(args) -> int:
    if not is_repository(args.dir):
        print_findings([finding("E-SCHEMAS-NOT-REPO", str(args.dir), None)], sys.stderr)
        return 1
    result = write_schemas(args.dir)
    if not result.ok:
        print_findings(result.findings, sys.stderr)
        return 1
    removed = f"，删除 {len(result.removed)} 个已不再使用的" if result.removed else ""
    print_lines([f"已写入 {display_path(args.dir / SCHEMA_COPY)}/：{len(result.files)} 个 Schema（gongshi {__version__}）{removed}"])
    return 0


def _content_options(p) -> None:
    p.add_argument("--content", type=Path, default=Path("content"), help="内容目录（默认 content）")
    _config_option(p)
    p.add_argument("--county", action="append", default=[], metavar="ID", help="只处理这个县，可重复")
    _today_option(p, "以这一天为“今天”计算有效期和期限（默认：北京时间的今天）")


def _edit_options(p) -> None:
    """What every guided edit of a decision takes: which decision, where, and on which day."""
    p.add_argument("decision", metavar="编号", help="执法决定的编号，即 decisions/ 中的文件名（不含 .yml），如 2025-002")
    p.add_argument("--county", required=True, metavar="ID", help="县编号，如 shili")
    p.add_argument("--content", type=Path, default=Path("content"), help="内容目录（默认 content）")
    _config_option(p)
    _today_option(p, "以这一天为“今天”判断日期和期限（默认：北京时间的今天）")


def _config_option(p) -> None:
    p.add_argument("--config", type=Path, default=Path("site_config"), help="站点配置目录（默认 site_config）")


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"--jobs 应为正整数，收到 {text!r}")
    return int(text)


def _jobs_option(p) -> None:
    p.add_argument("--jobs", type=_jobs, default=default_jobs(), metavar="N",
                   help=f"同时处理几个县（默认：本机的处理器数，现在是 {default_jobs()}）；结果与 --jobs 1 完全相同")


def _today_option(p, help: str) -> None:
    p.add_argument("--today", type=_date, default=china_today(), metavar="YYYY-MM-DD", help=help)


def _parser() -> tuple[argparse.ArgumentParser, list[str]]:
    """The parser, and the names of its commands."""
    parser = argparse.ArgumentParser(prog="gongshi", description="行政执法公示网站生成工具")
    parser.add_argument("--version", action="version", version=f"gongshi {__version__}（读取第 {CONTENT_FORMAT} 版内容格式）")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")

    p = commands.add_parser("validate", help="检查全部内容，一行一个问题")
    _content_options(p)
    _jobs_option(p)
    p.add_argument("--format", choices=FINDING_FORMATS, default="text",
                   help="text：一行一个问题（默认）；github：GitHub Actions 的标注，显示在拉取请求改动的行上；"
                        "gitlab：GitLab 的代码质量报告（JSON），显示在合并请求改动的行上")
    p.set_defaults(run=_validate)

    p = commands.add_parser("build", help="检查后生成各县网站和总入口页")
    _content_options(p)
    p.add_argument("--out", type=Path, default=Path("site"), help="输出目录（默认 site）")
    _jobs_option(p)
    p.add_argument("--shard", type=_shard, metavar="I/N",
                   help="只生成 N 份中的第 I 份县（按内容大小平均分，每次分法相同），供 CI 的多个任务同时生成；"
                        "各份的输出用 gongshi portal --from 组成全省网站")
    p.add_argument("--summary", type=Path, metavar="FILE",
                   help="把每个县的生成结果（已生成、保留上次的网站、暂不公示的决定）和全部问题写成 JSON，供 CI 读取")
    p.set_defaults(run=_build)

    p = commands.add_parser("serve", help="在本机预览一个县的网站：改动内容后自动重新生成，检查发现的问题显示在每一页顶部")
    p.add_argument("--county", required=True, metavar="ID", help="预览哪个县")
    p.add_argument("--port", type=int, default=8000, metavar="N", help="本机的端口（默认 8000；写 0 时自动选一个空闲的）")
    p.add_argument("--content", type=Path, default=Path("content"), help="内容目录（默认 content）")
    _config_option(p)
    _today_option(p, "以这一天为“今天”计算有效期和期限（默认：北京时间的今天）")
    p.set_defaults(run=_serve)

    p = commands.add_parser("precommit", help="提交前检查：只检查这些文件所属的县（改了共用的文件时检查全部县），供 pre-commit 调用")
    p.add_argument("files", type=Path, nargs="*", metavar="FILE", help="改动的文件（相对于仓库目录）")
    p.add_argument("--content", type=Path, default=Path("content"), help="内容目录（默认 content）")
    _config_option(p)
    _today_option(p, "以这一天为“今天”计算有效期和期限（默认：北京时间的今天）")
    p.set_defaults(run=_precommit)

    p = commands.add_parser("portal", help="把 gongshi build --shard 各份的输出组成一个全省网站和总入口页")
    p.add_argument("--from", dest="sources", type=Path, nargs="+", required=True, metavar="DIR", help="各份的输出目录")
    p.add_argument("--out", type=Path, default=Path("site"), help="输出目录（默认 site）")
    _today_option(p, "总入口页上的日期（默认：北京时间的今天）")
    p.set_defaults(run=_portal)

    p = commands.add_parser("rollback", help="重新发布上一代网站（如新版本主题出了问题）；今天应撤下的内容不会因此重新出现")
    p.add_argument("--out", type=Path, default=Path("site"), help="输出目录（默认 site）")
    p.add_argument("--content", type=Path, default=Path("content"), help="内容目录（默认 content），据此判断今天应撤下的内容")
    _config_option(p)
    _today_option(p, "以这一天判断哪些决定应撤下（默认：北京时间的今天）")
    p.set_defaults(run=_rollback)

    p = commands.add_parser("scan", help="检查已生成的网站文件中有没有个人信息和声明不得公开的文字")
    p.add_argument("dir", type=Path, metavar="DIR", help="已生成的网站目录，如 site")
    p.add_argument("--secret", action="append", default=[], metavar="文字", help="不得出现的文字，可重复")
    p.add_argument("--secrets-file", type=Path, metavar="FILE", help="不得出现的文字，每行一条（UTF-8）")
    p.add_argument("--content", type=Path, metavar="DIR",
                   help="同时检查这个内容目录中各县不公示的内容（不公示字段、商业秘密、配置中声明的文字）")
    _config_option(p)
    _today_option(p, "与 --content 一起用：以这一天判断哪些决定不在网站上（默认：北京时间的今天）")
    p.set_defaults(run=_scan)

    p = commands.add_parser("status", help="各县待办事项：待公示的决定和抽查结果、待填写的撤下日期、将到期的执法证、年度数据说明，最急的在前；暂停公示中的决定")
    _content_options(p)
    p.set_defaults(run=_status)

    p = commands.add_parser("withdraw", help="在执法决定中记录变更、撤销、确认违法或确认无效，显示改动并检查；下次生成时从网站撤下")
    _edit_options(p)
    p.add_argument("--event", required=True, metavar="事件", help="变更、撤销、确认违法 或 确认无效")
    p.add_argument("--date", type=_date, required=True, metavar="YYYY-MM-DD",
                   help="事件日期：复议决定书、判决书送达本机关的日期，或本机关自行撤销决定的日期")
    p.add_argument("--reason", required=True, metavar="文字", help="公开的理由（网站撤下说明上原样公示，不要写当事人）")
    p.add_argument("--authority", metavar="文字", help="作出机关和文书，如 示例县人民政府 示政复决〔2026〕5号行政复议决定书")
    p.add_argument("--withdrawn", type=_date, metavar="YYYY-MM-DD", help="撤下日期（默认今天；决定还没有公示的不写）")
    p.add_argument("--late-reason", metavar="文字", help="超过撤下期限的，写明逾期撤下的原因")
    p.add_argument("--decision", dest="remade", metavar="编号", help="变更后或重新作出的决定的编号，如 2026-003")
    p.set_defaults(run=_withdraw)

    p = commands.add_parser("correct", help="更正执法决定中的一项内容并记录更正说明，显示改动并检查")
    _edit_options(p)
    p.add_argument("--field", required=True, metavar="字段", help="要更正的字段，如 outcome.text、facts")
    p.add_argument("--value", required=True, metavar="值", help="更正后的内容")
    p.add_argument("--reason", required=True, metavar="文字", help="更正说明（网站上原样公示）")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="更正日期（默认今天）")
    p.set_defaults(run=_correct)

    p = commands.add_parser("mark-published", help="写入执法决定的公示日期和公示审批，显示改动并检查")
    _edit_options(p)
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="公示日期（默认今天）")
    p.add_argument("--approved-by", metavar="文字", help="审批人，如 局长 张某（决定中还没有 approval 时必写）")
    p.add_argument("--approved", type=_date, metavar="YYYY-MM-DD", help="审批日期（决定中还没有 approval 时必写）")
    p.add_argument("--late-reason", metavar="文字", help="逾期公示的：逾期原因")
    p.add_argument("--late-approved-by", metavar="文字", help="逾期公示的：批准逾期公示的负责人")
    p.add_argument("--late-approved", type=_date, metavar="YYYY-MM-DD", help="逾期公示的：批准日期")
    p.set_defaults(run=_mark_published)

    p = commands.add_parser("withhold", help="暂停公示：下次生成时该决定立即从网站消失，原因记录在决定中（不公示）")
    _edit_options(p)
    p.add_argument("--reason", required=True, metavar="文字", help="暂停公示的原因（不公示）")
    p.add_argument("--date", type=_date, metavar="YYYY-MM-DD", help="暂停公示日期（默认今天）")
    p.set_defaults(run=_withhold)

    p = commands.add_parser("report", help="某一年度的执法数据统计（供上级部门、司法局下载）")
    _content_options(p)
    p.add_argument("--year", type=int, required=True, metavar="YYYY", help="统计哪一年度")
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="text：中文表格（默认）；json、csv：下载用的数据（UTF-8，csv 带 BOM 便于 Excel 打开）")
    p.set_defaults(run=_report)

    p = commands.add_parser("import", help="把 Excel 或 CSV 登记表中的执法人员、权责事项或执法决定导入内容；"
                                           "不加 --write 时只显示将新增、更改的内容，不写任何文件")
    p.add_argument("kind", choices=list(IMPORTABLE), metavar="KIND",
                   help="officers：执法人员（officers.yml）；powers：权责事项（powers.yml）；decisions：执法决定（decisions/ 中每个一个文件）")
    p.add_argument("file", type=Path, metavar="FILE", help="登记表：.xlsx，或 CSV（UTF-8 或 GBK）；第一行是列标题")
    p.add_argument("--county", required=True, metavar="ID", help="导入到哪个县")
    p.add_argument("--content", type=Path, default=Path("content"), help="内容目录（默认 content）")
    p.add_argument("--mapping", type=Path, metavar="FILE", help="列的对应（YAML，“列标题: 字段”一行一个），用 --show-mapping 得到后修改")
    p.add_argument("--show-mapping", action="store_true", help="只显示各列填入哪个字段（可存为 --mapping 用的文件），不导入")
    p.add_argument("--write", action="store_true", help="写入内容文件（不加时只显示将新增、更改的内容）")
    p.add_argument("--replace", action="store_true", help="编号已有、内容不同的，以登记表为准替换（登记表中没有的字段保持原样）")
    _today_option(p, "以这一天为“今天”（默认：北京时间的今天）")
    p.set_defaults(run=_import)

    p = commands.add_parser("draw", help="双随机抽取：按公开随机数算出本局抽取的对象和执法人员，给出可复制的检查任务；"
                                         "--verify 核验网站上公布的 draw.json")
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("--plan", type=Path, metavar="FILE", help="某个县的 random-inspections.yml，如 content/shili/random-inspections.yml")
    which.add_argument("--verify", type=Path, metavar="FILE.json", help="网站上公布的 draw.json：按其中的输入重新计算并核对，不需要内容目录")
    p.add_argument("--draw", metavar="ID", help="只看这一批（批次编号；几个计划有同一编号的，写成 计划/批次）")
    p.add_argument("--json", type=Path, metavar="OUT", help="把这一批的 draw.json（网站上公布的那份）写到 OUT")
    p.add_argument("--freeze", action="store_true",
                   help="把本局抽取的各批固定在本县的 draws/ 中（抽取那天的名录库、执法人员和结果），以后名录库和人员的改动不再改变它们")
    _config_option(p)
    _today_option(p, "以这一天检查内容（默认：北京时间的今天）")
    p.set_defaults(run=_draw)

    p = commands.add_parser("init", help="新建一个本省自己的仓库：示例县、站点配置、Schema、版本号和说明")
    p.add_argument("dir", type=Path, metavar="DIR", help="新仓库的目录（不存在或为空）")
    _today_option(p, "写入示例县的日期（默认：北京时间的今天）")
    p.set_defaults(run=_init)

    p = commands.add_parser("new", help="新建一个待填写的内容文件（含必填字段、中文说明和 <请填写：…> 标记），或新建一个县")
    p.add_argument("kind", type=_kind, metavar="KIND", help=f"文件种类：{'、'.join(KIND_CHOICES)}")
    p.add_argument("id", nargs="?", metavar="ID", help="只用于 gongshi new county ID：新县的编号（小写字母、数字、连字符）")
    p.add_argument("--county", metavar="ID", help="在哪个县新建（county 以外的种类必写）")
    p.add_argument("--content", type=Path, default=Path("content"), help="内容目录（默认 content）")
    _config_option(p)
    _today_option(p, "写入的日期和决定编号按这一天（默认：北京时间的今天）")
    p.set_defaults(run=_new)

    p = commands.add_parser("schemas", help="把安装的 gongshi 的 Schema 写入仓库的 schemas/（编辑器自动补全用）")
    p.add_argument("dir", type=Path, nargs="?", default=Path("."), metavar="DIR", help="仓库目录（默认当前目录）")
    p.set_defaults(run=_schemas)
    return parser, list(commands.choices)


def _unknown_command(argv: list[str], known: list[str]):
    """E-COMMAND-UNKNOWN for a first word that names no command (a typo must never fall through to a build)."""
    if not argv or argv[0].startswith("-") or argv[0] in known:
        return None
    close = difflib.get_close_matches(argv[0], known, n=1, cutoff=0.5)
    return finding("E-COMMAND-UNKNOWN", "gongshi", None, command=argv[0], known="、".join(known),
                   suggestion=f"是不是想写 {close[0]}？" if close else "")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser, known = _parser()
    unknown = _unknown_command(argv, known)
    if unknown is not None:
        print_findings([unknown], sys.stderr)
        return 2
    if not argv:
        parser.print_help()
        return 2
    args = parser.parse_args(argv)
    return args.run(args)
