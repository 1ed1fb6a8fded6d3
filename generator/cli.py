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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args)
    if args.command == "scan":
        return _scan(args)
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
    if args.content:
        for county_id in discover_counties(args.content)[0]:
            county, _ = load_county(args.content, args.config, county_id)
            if county.config is not None and county.config.data is not None:
                secrets.update(withheld_values(county, args.today))
    findings = scan_site(args.dir, secrets)
    for found in findings:
        print(f"{found.path}: {found.code} {found.message}")
    return 1 if findings else 0
