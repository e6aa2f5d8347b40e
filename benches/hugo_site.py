#!/usr/bin/env python3
"""Write a Hugo site with PAGES guide pages, the peer of `catalogc build` in benches/run.sh.

    python3 benches/hugo_site.py SITE PAGES CATALOG_ROOT

Each page is one Markdown file whose front matter carries what a service guide shows (department,
time limits, conditions, materials, fees, channels, contact), taken round-robin from the national
items and regional entries of the generated catalog so the text is the same kind and size; the
layout loops over conditions and materials like a real guide page. Pages are spread over one
section per region. Taxonomies, RSS, sitemap and robots.txt are off: only the pages are built.
"""
import json
import re
import sys
from pathlib import Path

site, pages, root = Path(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
catalog = root / "catalog"

CONFIG = """baseURL = "https://example.invalid/"
languageCode = "zh-CN"
title = "政务服务事项目录（Hugo 对照）"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
"""

BASEOF = """<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title></head>
<body>
<a href="#main">跳到正文</a>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer>最近核验：{{ .Params.reviewed }}</footer>
</body>
</html>
"""

SINGLE = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>事项编码 {{ .Params.code }} · {{ .Params.region }}</p>
<dl>
  <dt>实施主体</dt><dd>{{ .Params.department }}</dd>
  <dt>法定办结时限</dt><dd>{{ .Params.statutory }}</dd>
  <dt>承诺办结时限</dt><dd>{{ .Params.committed }}</dd>
  <dt>办理地点</dt><dd>{{ .Params.address }}</dd>
  <dt>咨询电话</dt><dd>{{ .Params.phone }}</dd>
</dl>
<h2>受理条件</h2>
<ol>{{ range .Params.conditions }}<li>{{ . }}</li>{{ end }}</ol>
<h2>申请材料</h2>
<table><thead><tr><th>#</th><th>材料</th><th>形式</th><th>份数</th><th>说明</th></tr></thead><tbody>
{{ range $i, $m := .Params.materials }}<tr class="{{ cond (modBool $i 2) "even" "odd" }}"><td>{{ add $i 1 }}</td><td>{{ $m.name }}</td><td>{{ $m.form }}</td><td>{{ $m.copies }}</td><td>{{ with $m.waived }}免提交（{{ . }}）{{ else }}须提交{{ end }}</td></tr>
{{ end }}</tbody></table>
<h2>收费</h2>
{{ with .Params.fees }}<ul>{{ range . }}<li>{{ .name }}：{{ .amount }} 元</li>{{ end }}</ul>{{ else }}<p>不收费</p>{{ end }}
<h2>办理渠道</h2>
<ul>{{ range .Params.channels }}<li>{{ . }}</li>{{ end }}</ul>
{{ .Content }}
{{ end }}
"""

LIST = """{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>共 {{ len .Pages }} 项</p>
<ul>{{ range first 50 .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
"""


def scalar(text, key):
    m = re.search(r"^" + key + r": (.*)$", text, re.M)
    return m.group(1).strip().strip('"') if m else ""


def national(path):
    text = path.read_text(encoding="utf-8")
    conditions = re.findall(r"^  - \{id: [a-z0-9-]+, text: (.*)\}$", text, re.M)
    materials = []
    for block in re.findall(r"^  - id: [a-z0-9-]+\n((?:    .*\n)+)", text, re.M):
        get = lambda k: (re.search(r"^    " + k + r": (.*)$", block, re.M) or [None, ""])[1]
        materials.append({"name": get("name"), "form": get("form"), "copies": get("copies") or "1"})
    fees = [{"name": n, "amount": a} for n, a in re.findall(r"name: ([^,]+), amount: ([0-9.]+)", text)]
    days = re.search(r"statutory_limit:\n  days: (\d+)\n  unit: (\w+)", text)
    return {
        "code": scalar(text, "code"), "name": scalar(text, "name"),
        "statutory": f"{days.group(1)} 个{'工作日' if days.group(2) == 'working_day' else '自然日'}" if days else "",
        "conditions": conditions, "materials": materials, "fees": fees,
        "description": re.sub(r"\s+", "", (re.search(r"description: >-\n((?:  .*\n)+)", text) or [None, ""])[1]),
    }


items = [national(p) for p in sorted((catalog / "national").glob("*.yaml"))]
entries = sorted(p for p in (catalog / "regions").glob("*/0*.yaml"))
for d in ["layouts/_default", "content"]:
    (site / d).mkdir(parents=True, exist_ok=True)
(site / "hugo.toml").write_text(CONFIG, encoding="utf-8")
(site / "layouts/_default/baseof.html").write_text(BASEOF, encoding="utf-8")
(site / "layouts/_default/single.html").write_text(SINGLE, encoding="utf-8")
(site / "layouts/_default/list.html").write_text(LIST, encoding="utf-8")

sections = set()
for n in range(pages):
    item = items[n % len(items)]
    entry = entries[n % len(entries)] if entries else None
    text = entry.read_text(encoding="utf-8") if entry else ""
    region = entry.parent.name if entry else "000000"
    section = site / "content" / region
    if region not in sections:
        section.mkdir(exist_ok=True)
        (section / "_index.md").write_text(f"---\ntitle: \"{region}\"\n---\n", encoding="utf-8")
        sections.add(region)
    dept = (re.search(r"^department:\n  name: (.*)$", text, re.M) or [None, "—"])[1]
    limit = re.search(r"^committed_limit: \{days: (\d+)", text, re.M)
    front = {
        "title": item["name"], "code": item["code"], "region": region, "department": dept,
        "statutory": item["statutory"], "committed": f"{limit.group(1)} 日" if limit else "同省级标准",
        "address": scalar(text, "address") or "政务服务中心", "phone": (re.search(r'phone: "([^"]+)"', text) or [None, ""])[1],
        "reviewed": scalar(text, "reviewed"),
        "conditions": item["conditions"], "materials": [
            dict(m, waived="电子证照" if f"ref: {m['name']}" in text else "") for m in item["materials"]],
        "fees": item["fees"], "channels": ["窗口办理", "网上办理", "移动端办理"],
    }
    body = f"\n## 事项概述\n\n{item['description']}\n\n## 常见问题\n\n**办理{item['name']}需要多长时间？**\n\n材料齐全、符合法定形式的，在承诺时限内办结。\n"
    (section / f"{item['code']}-{n}.md").write_text(
        json.dumps(front, ensure_ascii=False, indent=1) + "\n" + body, encoding="utf-8")
