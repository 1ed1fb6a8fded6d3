"""The command line: `gongshi validate | build`. See the README for the contract."""

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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "validate":
        return _validate(args)
    return _build(args)


def _print_findings(findings) -> None:
    for found in findings:
        print(found)
    print(summary(findings))


def _validate(args) -> int:
    result = validate(args.content, args.config, args.county)
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
