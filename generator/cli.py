"""The command line: `gongshi validate | build | scan`. See the README for the contract."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .errors import BuildRefused
from .findings import summary
from .validate import validate


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD，收到 {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gongshi", description="行政执法公示网站生成工具")
    commands = parser.add_subparsers(dest="command", required=True, metavar="命令")

    def content_options(p):
        p.add_argument("--content", type=Path, default=Path("content"), help="内容目录（默认 content）")
        p.add_argument("--config", type=Path, default=Path("site_config"), help="站点配置目录（默认 site_config）")
        p.add_argument("--county", action="append", default=[], metavar="ID", help="只处理这个县，可重复")
        p.add_argument("--today", type=_date, default=date.today(), metavar="YYYY-MM-DD",
                       help="以这一天为“今天”计算有效期和期限（默认：真实日期）")

    content_options(commands.add_parser("validate", help="检查全部内容，一行一个问题"))
    build = commands.add_parser("build", help="检查后生成各县网站和总入口页")
    content_options(build)
    build.add_argument("--out", type=Path, default=Path("site"), help="输出目录（默认 site）")

    scan = commands.add_parser("scan", help="检查已生成的网站文件中有没有个人信息和声明不得公开的文字")
    scan.add_argument("dir", type=Path, metavar="DIR", help="已生成的网站目录，如 site")
    scan.add_argument("--secret", action="append", default=[], metavar="文字", help="不得出现的文字，可重复")
    scan.add_argument("--secrets-file", type=Path, metavar="FILE", help="不得出现的文字，每行一条（UTF-8）")
    scan.add_argument("--content", type=Path, metavar="DIR",
                      help="同时检查这个内容目录中各县不公示的内容（不公示字段、商业秘密、配置中声明的文字）")
    scan.add_argument("--config", type=Path, default=Path("site_config"), help="站点配置目录（默认 site_config）")
    scan.add_argument("--today", type=_date, default=date.today(), metavar="YYYY-MM-DD",
                      help="与 --content 一起用：以这一天判断哪些决定不在网站上（默认：真实日期）")

    status = commands.add_parser("status", help="各县待办事项：待公示的决定、待填写的撤下日期、将到期的执法证、年度数据说明，最急的在前")
    content_options(status)

    report = commands.add_parser("report", help="某一年度的执法数据统计（供上级部门、司法局下载）")
    content_options(report)
    report.add_argument("--year", type=int, required=True, metavar="YYYY", help="统计哪一年度")
    report.add_argument("--format", choices=("text", "json", "csv"), default="text",
                        help="text：中文表格（默认）；json、csv：下载用的数据（UTF-8，csv 带 BOM 便于 Excel 打开）")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args)
    if args.command == "scan":
        return _scan(args)
    if args.command == "report":
        return _report(args)
    if args.command == "status":
        return _status(args)
    return _build(args)


def _print_findings(findings) -> None:
    for found in findings:
        print(found)
    print(summary(findings))


def _validate(args) -> int:
    result = validate(args.content, args.config, args.county, args.today)
    _print_findings(result.findings)
    return 0 if result.ok else 1


def _build(args) -> int:
    from .build import build

    try:
        report = build(args.content, args.config, args.out, args.today, args.county)
    except BuildRefused as refused:
        _print_findings(refused.findings)
        print(f"未生成网站：{args.out} 保持原样。", file=sys.stderr)
        return 1
    _print_findings(report.findings)
    for county_id in report.built:
        print(f"已生成 {args.out / county_id}/")
    print(f"已生成 {args.out / 'index.html'}")
    return 0


def _scan(args) -> int:
    from .load.county import discover_counties, load_county
    from .public.view import withheld_values
    from .verify.leak_scan import scan_site

    if not args.dir.is_dir():
        print(f"{args.dir}: 目录不存在", file=sys.stderr)
        return 1
    secrets = {s: "--secret" for s in args.secret}
    if args.secrets_file:
        secrets.update({line.strip(): str(args.secrets_file)
                        for line in args.secrets_file.read_text(encoding="utf-8-sig").splitlines() if line.strip()})
    folder_secrets, folder_exceptions = {}, {}
    if args.content:
        for county_id in discover_counties(args.content)[0]:
            county, _ = load_county(args.content, args.config, county_id)
            if county.config is not None and county.config.data is not None:
                folder_secrets[county_id], folder_exceptions[county_id] = withheld_values(county, args.today)
    findings = scan_site(args.dir, secrets, folder_secrets=folder_secrets, folder_exceptions=folder_exceptions)
    for found in findings:
        print(f"{found.path}: {found.code} {found.message}")
    return 1 if findings else 0


def _report(args) -> int:
    """`gongshi report --year Y`: the year's figures of each county, as text, JSON or CSV on stdout."""
    from .load.county import County
    from .paths import display_path
    from .public.annual_stats import county_year, report_csv, report_json, report_text

    result = validate(args.content, args.config, args.county, args.today)
    unknown = [f for f in result.findings if f.code == "E-COUNTY-UNKNOWN"]
    if unknown or not result.counties:   # an unknown county, or no content folder: as `validate` says it
        for found in unknown or [f for f in result.findings if f.is_error]:
            print(found, file=sys.stderr)
        print("未生成统计。", file=sys.stderr)
        return 1

    def feeds_figures(found, county: County) -> bool:   # a file the figures are counted from did not load or is malformed
        files = {display_path(county.folder / name) for name in ("annual.yml", "inspections.yml")}
        in_decisions = found.path.startswith(display_path(county.folder / "decisions") + "/")
        return found.is_error and found.code.startswith(("E-YAML", "E-FILE", "E-SCHEMA", "E-DECISION")) \
            and (in_decisions or found.path in files)

    for county in result.counties:
        broken = [f for f in result.findings if feeds_figures(f, county)]
        if broken:
            print(f"注意：{county.id} 有 {len(broken)} 个文件错误会影响统计（{broken[0]}），"
                  f"请运行 gongshi validate --county {county.id} 查看并改正；下面的数字只按能读取的内容计算。", file=sys.stderr)
    items = [county_year(county, args.year, args.today) for county in result.counties]
    if args.format == "json":
        text = report_json(items, args.year, args.today)
    elif args.format == "csv":
        text = report_csv(items)
    else:
        text = report_text(items)
    sys.stdout.flush()
    if hasattr(sys.stdout, "buffer"):   # UTF-8 whatever the terminal's locale: the files are for download
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
    else:
        sys.stdout.write(text)
    return 0


def _status(args) -> int:
    """`gongshi status`: each county's to-do list, soonest first. Informational: exit 0 unless the
    content cannot be read at all."""
    from .load.calendar_files import load_calendar
    from .load.county import discover_counties, load_county
    from .status import due_items, render_status

    ids, problems = discover_counties(args.content)
    unknown = [c for c in args.county if c not in ids]
    if problems and not ids or unknown:
        known = "、".join(ids) or "（没有）"
        print("\n".join([str(p) for p in problems] + [f"找不到县 {c}（已有的县：{known}）" for c in unknown]), file=sys.stderr)
        return 1
    calendar, _ = load_calendar(args.config)
    print(f"待办事项（截至 {args.today.year}年{args.today.month}月{args.today.day}日）")
    for county_id in [c for c in ids if not args.county or c in args.county]:
        county, _ = load_county(args.content, args.config, county_id)
        print("\n".join(render_status(county, due_items(county, calendar, args.config, args.today), calendar, args.today)))
    return 0
