//! Issue 14, "Every published word traceable to the record": local items in every output,
//! baselines named, no invented facts, every field published, citizen-first printable guides and
//! stable addresses. Each test names the point it proves.

mod common;

use std::path::Path;

use common::*;

fn read(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A built copy of the base fixture after `edit`; the build must succeed.
fn built(edit: impl FnOnce(&Path)) -> (tempfile::TempDir, tempfile::TempDir) {
    let dir = copy_of("base");
    edit(dir.path());
    let out = built_into(dir.path(), &[]);
    (dir, out)
}

/// 深圳's own item, 人才住房申请 (illustrative), with two materials and no fee.
const LOCAL: &str = "catalog/regions/440300/local/440300001001.yaml";
const LOCAL_ITEM: &str = r#"code: "440300001001"
name: 人才住房配租申请
type: public_service
audience: [person]
levels: [city]
status: active
version: 1
legal_basis:
  - {law: residence-permit-regulation}
statutory_limit: {days: 20, unit: working_day}
conditions:
  - {id: talent, text: 经认定的深圳市人才}
materials:
  - {id: id-card, name: 居民身份证, form: original, copies: 1, medium: [paper], required: true, source: issuing_authority}
  - {id: application, name: 人才住房配租申请表, form: original, copies: 1, medium: [paper], required: true, source: applicant}
fees: []
result: {type: other, name: 配租确认书}
department: {name: 深圳市住房和建设局, credit_code: "11440300MB2C920866"}
level: city
committed_limit: {days: 15, unit: working_day}
contact: {phone: "12345", complaint: "12345"}
reviewed: 2026-06-30
"#;

fn with_local_item(root: &Path) {
    let path = root.join(LOCAL);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, LOCAL_ITEM).unwrap();
}

#[test]
fn point_1_a_local_item_has_a_guide_a_page_linked_from_its_region_and_search_and_a_service() {
    let (_dir, out) = built(with_local_item);
    let out = out.path();
    // A guide, in HTML and Markdown, at an address made of codes only.
    let html = read(out, "portal/regions/440300/440300001001.html");
    assert!(html.contains("人才住房配租申请"), "{html}");
    assert!(html.contains("人才住房配租申请表"), "{html}");
    // Its lines are its own: none is marked as a local addition to a national standard.
    assert!(!html.contains("地方新增"), "{html}");
    // It says it is a local item, with no national standard to compare with or link to.
    assert!(html.contains("地方事项"), "{html}");
    assert!(!html.contains("items/440300001001.html"), "{html}");
    let markdown = read(out, "guides/440300/440300001001.md");
    assert!(
        markdown.contains("- 承诺办结时限：15个工作日") && markdown.contains("与全国标准的关系"),
        "{markdown}"
    );
    // Linked from its region's page and listed in search, as a local item of 深圳.
    let region = read(out, "portal/regions/440300/index.html");
    // minijinja's HTML escaping writes `/` as `&#x2f;`.
    assert!(
        region.contains("href=\"..&#x2f;..&#x2f;regions&#x2f;440300&#x2f;440300001001.html\""),
        "{region}"
    );
    let search: serde_json::Value =
        serde_json::from_str(&read(out, "portal/search-index.json")).unwrap();
    let found = search
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "440300001001")
        .expect("the local item is in the search index");
    assert_eq!(found["kind"], "local");
    assert_eq!(found["url"], "regions/440300/440300001001.html");
    // A CPSV-AP public service of its region, with no national service to relate to.
    let jsonld: serde_json::Value =
        serde_json::from_str(&read(out, "opendata/regions/440300/catalog.jsonld")).unwrap();
    let service = jsonld["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| {
            n["@id"]
                .as_str()
                .is_some_and(|id| id.ends_with("service/440300/440300001001"))
        })
        .expect("a PublicService for the local item");
    assert!(service.get("cv:relatedService").is_none(), "{service}");
}

#[test]
fn point_3_a_zero_visit_promise_beside_an_on_site_step_is_warned_and_never_printed_alone() {
    let edit = |root: &Path| {
        merge(
            root,
            "catalog/national/000120010000.yaml",
            "process:\n  - {id: apply, name: 申请, text: 到居住地公安派出所提出申请, on_site: true}\n  - {id: issue, name: 发证, text: 邮寄送达}\n",
        );
        merge(
            root,
            "catalog/regions/440300/000120010000.yaml",
            "channels: {window: true, online: {url: \"https://example.invalid/sz/juzhuzheng\"}, mail: true, visits: 0}\n",
        );
    };
    let (dir, out) = built(edit);
    // check warns, at the promise, naming the step and where it comes from.
    let compiled = compile(dir.path());
    let warning = finding(&compiled, "CAT116");
    assert_eq!(warning.file, "catalog/regions/440300/000120010000.yaml");
    assert!(
        warning.message.contains("`apply`") && warning.message.contains("national item"),
        "{}",
        warning.message
    );
    // The guides print neither “0 次” nor a bare count: the process is the authority.
    for path in [
        "guides/440300/000120010000.md",
        "portal/regions/440300/000120010000.html",
    ] {
        let page = read(out.path(), path);
        assert!(!page.contains("0 次"), "{path}: {page}");
        assert!(page.contains("请以办理流程为准"), "{path}: {page}");
        assert!(page.contains("须到现场"), "{path}: {page}");
    }
    // Restating the process for the region ends both the warning and the caveat.
    merge(
        dir.path(),
        "catalog/regions/440300/000120010000.yaml",
        "process:\n  - {id: apply, name: 网上申请, text: 在网上提交申请，刷脸核验身份}\n  - {id: issue, name: 发证, text: 邮寄送达}\n",
    );
    let compiled = compile(dir.path());
    assert!(!compiled.diagnostics.iter().any(|d| d.code == "CAT116"));
    let out = tempfile::tempdir().unwrap();
    assert!(build(dir.path(), out.path(), &[]).status.success());
    let guide = read(out.path(), "guides/440300/000120010000.md");
    assert!(guide.contains("- 到现场次数：0 次"), "{guide}");
}

#[test]
fn point_9_a_guide_opens_with_what_the_applicant_needs_to_act() {
    let (_dir, out) = built(|root| {
        merge(
            root,
            "catalog/regions/440300/000120010000.yaml",
            "service_points: [{address: 深圳市福田区福中三路市民中心B区, hours: \"周一至周五 9:00-18:00\"}]\ncommitted_limit: {days: 7, unit: working_day}\n",
        );
    });
    let guide = read(out.path(), "guides/440300/000120010000.md");
    let notice = guide
        .split("## 一次性告知单")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("a 一次性告知单 section");
    // What to bring, where, when, how long, what it costs, whom to call: before any reference.
    for fact in [
        "居民身份证（原件 1 份）",
        "深圳市福田区福中三路市民中心B区",
        "周一至周五 9:00-18:00",
        "多久办好：7个工作日",
        "收费：不收费",
        "0755-12345678",
    ] {
        assert!(notice.contains(fact), "{fact} missing from {notice}");
    }
    assert!(guide.find("## 一次性告知单") < guide.find("## 事项名称与编码"));
    // The HTML page offers the notice for printing, through a script, never an inline handler.
    let html = read(out.path(), "portal/regions/440300/000120010000.html");
    assert!(html.contains("data-print=\"notice\""), "{html}");
    assert!(!html.contains("onclick"), "{html}");
    assert!(std::fs::metadata(out.path().join("portal/assets/print.js")).is_ok());
}

#[test]
fn point_10_a_retired_item_keeps_its_addresses_and_links_to_its_successor() {
    let (_dir, out) = built(|root| {
        merge(
            root,
            "catalog/national/000120010000.yaml",
            "status: retired\nreplaced_by: \"000120020000\"\n",
        );
    });
    // The same addresses as before, made of codes only, now saying what happened.
    let item = read(out.path(), "portal/items/000120010000.html");
    assert!(item.contains("本事项已取消"), "{item}");
    assert!(item.contains("items&#x2f;000120020000.html"), "{item}");
    assert!(item.contains("居住证换领"), "{item}");
    let guide = read(out.path(), "portal/regions/440300/000120010000.html");
    assert!(guide.contains("本事项已取消"), "{guide}");
    assert!(guide.contains("items&#x2f;000120020000.html"), "{guide}");
    let markdown = read(out.path(), "guides/440300/000120010000.md");
    assert!(
        markdown.contains("**本事项已取消。**请改为办理居住证换领（000120020000）。"),
        "{markdown}"
    );
    // An active item's page says nothing of the kind.
    let other = read(out.path(), "portal/items/000120020000.html");
    assert!(!other.contains("本事项已取消"), "{other}");
}

#[test]
fn point_4_fields_editors_fill_are_published_on_the_guide() {
    let (_dir, out) = built(|root| {
        merge(
            root,
            "catalog/national/000120010000.yaml",
            "description: 在居住地申领居住证\ncompetent_department: 公安部\ntopics: [户籍办理]\nrights: 申请人有权查询办理进度\nduties: 申请人应当如实提供材料\nspecial_procedures:\n  - {name: 实地核查, text: 必要时核查居住情况, days: 5}\n",
        );
        merge(
            root,
            "catalog/regions/440300/000120010000.yaml",
            "department: {name: 深圳市公安局, credit_code: \"11440300007542417R\", nature: statutory_authority}\npower_source: delegated\nentrusting_department: 广东省公安厅\nco_departments: [深圳市人力资源和社会保障局]\nlocal_code: \"4403000012001\"\nhandle_area: cross_city\nconvenience: {appointment: true, express: false, hall: 深圳市民中心}\ntowns:\n  - {code: \"440304001\", name: 园岭街道}\n",
        );
    });
    let guide = read(out.path(), "guides/440300/000120010000.md");
    let html = read(out.path(), "portal/regions/440300/000120010000.html");
    for shown in [
        "在居住地申领居住证",
        "主管部门：公安部",
        "服务主题：户籍办理",
        "依法享有的权利：申请人有权查询办理进度",
        "依法履行的义务：申请人应当如实提供材料",
        "实地核查：必要时核查居住情况（时限 5 天，不计入办结时限）",
        "实施主体性质：法定机关",
        "权力来源：上级下放",
        "委托部门：广东省公安厅",
        "联办机构：深圳市人力资源和社会保障局",
        "地方实施编码：4403000012001",
        "网上办理深度：三级（网上预审）",
        "通办范围：跨市通办",
        "进驻大厅：深圳市民中心",
        "预约办理：支持",
        "快递送达：不支持",
        "园岭街道",
    ] {
        assert!(guide.contains(shown), "{shown} missing from {guide}");
        let word = shown.split('：').next_back().unwrap();
        assert!(html.contains(word), "{word} missing from the HTML guide");
    }
    // Not stated, not shown: online payment was not given either way.
    assert!(!guide.contains("网上支付"), "{guide}");
}

/// docs/templates.md's table "Where each field appears" names every property of every schema,
/// so no field is accepted and then published nowhere without the docs saying so.
#[test]
fn point_4_docs_say_where_every_schema_field_appears() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let docs = std::fs::read_to_string(root.join("docs/templates.md")).unwrap();
    let table = docs
        .split("## Where each field appears")
        .nth(1)
        .expect("docs/templates.md has a section `## Where each field appears`");
    let listed: std::collections::BTreeSet<&str> = table
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .collect();
    let mut missing = Vec::new();
    for schema in ["item", "entry", "local-item", "event", "region", "catalog"] {
        let text =
            std::fs::read_to_string(root.join(format!("schema/{schema}.schema.json"))).unwrap();
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        for field in json["properties"].as_object().unwrap().keys() {
            if !listed.contains(field.as_str()) {
                missing.push(format!("{schema}: {field}"));
            }
        }
    }
    assert!(missing.is_empty(), "not in the table: {missing:?}");
}

#[test]
fn point_2_a_guide_names_the_standard_each_limit_is_measured_against() {
    let province = |root: &Path| {
        merge(
            root,
            "catalog/regions/440000/000120010000.yaml",
            "committed_limit: {days: 10, unit: working_day}\n",
        );
    };
    // The city inherits the province's limit: the guide says from where.
    let (_dir, out) = built(province);
    let guide = read(out.path(), "guides/440300/000120010000.md");
    assert!(
        guide.contains("- 法定办结时限（全国标准）：15个自然日"),
        "{guide}"
    );
    assert!(
        guide.contains("- 承诺办结时限：10个工作日（沿用广东省实施清单）"),
        "{guide}"
    );
    let item = read(out.path(), "portal/items/000120010000.html");
    assert!(item.contains("沿用广东省实施清单"), "{item}");
    // The city states its own: both standards are shown, each with its name.
    let (_dir, out) = built(|root| {
        province(root);
        merge(
            root,
            "catalog/regions/440300/000120010000.yaml",
            "committed_limit: {days: 7, unit: working_day}\n",
        );
    });
    let guide = read(out.path(), "guides/440300/000120010000.md");
    assert!(guide.contains("- 承诺办结时限：7个工作日\n"), "{guide}");
    assert!(
        guide.contains("- 广东省标准：承诺办结时限 10个工作日"),
        "{guide}"
    );
    assert!(!guide.contains("沿用广东省"), "{guide}");
    // The province's own guide has no parent standard to name.
    let own = read(out.path(), "guides/440000/000120010000.md");
    assert!(!own.contains("省标准："), "{own}");
}

#[test]
fn point_8_a_sample_catalog_says_so_on_every_page_and_tags_every_illustrative_value() {
    let (_dir, out) = built(|root| {
        append(root, "catalog/catalog.yaml", "sample: true\n");
        merge(
            root,
            "catalog/regions/440300/000120010000.yaml",
            "illustrative: [contact.phone, committed_limit]\ncommitted_limit: {days: 7, unit: working_day}\n",
        );
    });
    let out = out.path();
    for page in [
        "portal/index.html",
        "portal/search.html",
        "portal/conformance.html",
        "portal/items/000120010000.html",
        "portal/regions/440300/index.html",
        "portal/regions/440300/000120010000.html",
        "portal/events/residence.html",
    ] {
        assert!(
            read(out, page).contains("示例目录，不是真实的办事指南"),
            "{page} does not say it is an illustration"
        );
    }
    let guide = read(out, "guides/440300/000120010000.md");
    assert!(guide.contains("> 示例目录，不是真实的办事指南"), "{guide}");
    assert!(
        guide.contains("- 咨询电话：0755-12345678（示例）"),
        "{guide}"
    );
    assert!(guide.contains("- 多久办好：7个工作日（示例）"), "{guide}");
    // Values not marked are not tagged: the complaint line is the real 12345 hotline.
    assert!(guide.contains("- 监督投诉电话：12345\n"), "{guide}");
    assert!(guide.contains("- 基本编码：000120010000\n"), "{guide}");
    // The province's guide has its own phone, not marked: no tag there.
    let province = read(out, "guides/440000/000120010000.md");
    assert!(!province.contains("（示例）"), "{province}");
    // A catalog that is not a sample shows no banner.
    let (_dir, plain) = built(|_| {});
    assert!(!read(plain.path(), "portal/index.html").contains("示例目录"));
}

/// The words a page may print that are not values of the record: headings, field labels, units
/// and the markers of an absent element (未填写, 未规定). Reviewed by hand: none of them states
/// a fact about a service (a phrase like 无数量限制 or 不收费 must come from the record, so it
/// is not here). A new phrase in a template fails the test below until it is reviewed too.
const LABELS: &[&str] = &[
    // upcoming.html
    "以下变更已经发布",
    "将在施行日期起生效",
    "在此之前",
    "办事指南仍按现行规定",
    "截至",
    "即将施行的变更",
    "目前没有待施行的变更",
    "×",
    "÷",
    "一件事",
    "一次性告知单",
    "一次提交的材料",
    "一致",
    "一致性",
    "一致性矩阵图",
    "一致率",
    "一致率不适用",
    "上级地区",
    "下方列表会随输入自动筛选",
    "下表列出实施本事项的每个地区",
    "不收费",
    "不适用",
    "与全国标准一致",
    "与全国标准一致或优于标准",
    "与全国标准的一致率",
    "与全国标准的差异",
    "个事项按顺序一次申请",
    "个地区",
    "中介服务",
    "也可以直接",
    "事项名称",
    "事项名称与编码",
    "事项和办事指南",
    "事项数",
    "事项状态",
    "事项类型",
    "介质",
    "以下",
    "以下全国事项适用于本地区",
    "以及各地的实施清单和办事指南",
    "以网上公布的办事指南为准",
    "份数",
    "优",
    "优于标准",
    "优表示优于标准",
    "但尚未填写实施清单",
    "例如",
    "依据",
    "偏",
    "偏离",
    "偏表示偏离",
    "元",
    "全国",
    "全国事项",
    "全国基本目录中没有在本级实施的事项",
    "全国标准",
    "全国标准申请材料",
    "共",
    "其中一致或优于标准",
    "几个事项都需要的同一份",
    "列",
    "到办事现场次数",
    "到哪里办",
    "到现场次数",
    "办事指南",
    "办件类型",
    "办理地点",
    "办理形式",
    "办理时间",
    "办理时限",
    "办理流程",
    "包含的事项",
    "区划代码",
    "受理条件",
    "只需提交一次",
    "可以在表格内左右滑动查看全部事项",
    "可以按事项",
    "各事项法定时限之和",
    "各事项的申请表等材料分别填写",
    "各地一致性明细表",
    "各地区实施全国事项的情况和一致率",
    "各地实施一致性",
    "各地实施全国事项的一致性矩阵",
    "各地实施情况",
    "各地实施清单",
    "各类情况的事项数",
    "同",
    "同一持证人",
    "同一电子",
    "同表示一致",
    "咨询和监督投诉",
    "咨询电话",
    "图下方的表格列出同样的内容和各地的一致率",
    "图下方的表格列出相同内容",
    "图例",
    "地区",
    "地区及其与全国标准的一致率",
    "地方事项",
    "地点和时间",
    "基本目录",
    "基本编码",
    "多久办好",
    "实施主体",
    "实施地区",
    "实施机构",
    "实施清单",
    "实施的全国事项",
    "审批结果",
    "尚未实施的全国事项",
    "层级",
    "已实施",
    "应实施事项",
    "应实施的",
    "所需事项",
    "打印一次性告知单",
    "批",
    "批表示经批准的偏离",
    "承诺办结时限",
    "承诺时限",
    "按地区或按",
    "搜索",
    "搜索事项",
    "搜索事项和办事指南",
    "收费",
    "收费标准及依据",
    "数量限制",
    "整体办理时限",
    "无",
    "无法确定",
    "无特别的受理条件",
    "无适用事项",
    "无需提交材料",
    "是",
    "是否必要",
    "最近核验",
    "最近核验日期",
    "服务对象",
    "未填写",
    "未实施",
    "未经批准的偏离",
    "未规定",
    "本告知单打印自",
    "本地区实施的全国事项",
    "本地区没有全国目录以外的地方事项",
    "本地区没有自行设立的",
    "本地区的",
    "本站公布全国统一的政务服务事项标准",
    "本页目录",
    "材料名称",
    "材料形式",
    "来源",
    "查找",
    "查看",
    "查看各地实施一致性总览",
    "每一列是一项全国事项",
    "每一行是一个地区",
    "每个格子的颜色和文字表示该地区实施该事项的情况",
    "每格标出一种情况",
    "没有",
    "法定办结时限",
    "点击事项名称可查看",
    "点击事项名称可查看全国标准",
    "点击可查看全国标准",
    "点击地区名称可查看该地的办事指南",
    "版",
    "牵头部门",
    "申请材料",
    "电子",
    "的全国标准",
    "的办事指南",
    "监督投诉电话",
    "目前没有地区实施本事项",
    "第",
    "类别",
    "类型",
    "经批准的偏离",
    "结果名称",
    "结果类型",
    "统一社会信用代码",
    "缺",
    "缺表示未实施",
    "网上办理地址",
    "联合办理",
    "行",
    "行使层级",
    "行政复议和行政诉讼",
    "表格较宽时",
    "表示无法确定",
    "要带的材料",
    "视节假日而定",
    "设定依据",
    "请拨打咨询电话了解",
    "跳到主要内容",
    "跳到各地实施情况",
    "输入事项名称或编码",
    "适用于本地区的全国事项都已实施",
    "适用地区",
    "集成服务",
    "需要提交的材料",
    "项",
    "项全国事项",
    "项全国事项中",
    "首页",
    "－",
    "－表示不适用",
];

/// Every string and number of every document of a catalog, and the Chinese label of every
/// enumeration value among them: what a page may print as "the record".
fn record_values(compiled: &catalogc::pipeline::Compiled) -> Vec<String> {
    use catalogc::resolve::labels;
    fn walk(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(s) => out.push(s.clone()),
            serde_json::Value::Number(n) => out.push(n.to_string()),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(m) => m.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    let mut values = Vec::new();
    for doc in &compiled.resolved.catalog.documents {
        walk(&doc.json, &mut values);
    }
    let tables: [fn(&str) -> &str; 17] = [
        labels::item_type,
        labels::audience,
        labels::level,
        labels::handling,
        labels::nature,
        labels::power_source,
        labels::handle_area,
        labels::online_depth,
        labels::status,
        labels::unit,
        labels::form,
        labels::medium,
        labels::source,
        labels::waived_by,
        labels::result_type,
        labels::event_kind,
        labels::class,
    ];
    let mut labelled: Vec<String> = values
        .iter()
        .flat_map(|v| tables.iter().map(move |t| t(v).to_string()))
        .collect();
    values.append(&mut labelled);
    // Longest first, so a value is removed whole before any shorter value inside it.
    values.sort_by_key(|v| std::cmp::Reverse(v.chars().count()));
    values.dedup();
    values.retain(|v| !v.trim().is_empty());
    values
}

/// The text a reader sees on a page, one fragment per text node (HTML) or line (Markdown).
fn fragments(page: &str) -> Vec<String> {
    let without_code = regex::Regex::new(r"(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->")
        .unwrap()
        .replace_all(page, " ");
    let entities = [
        ("&#x2f;", "/"),
        ("&#x27;", "'"),
        ("&quot;", "\""),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&amp;", "&"),
    ];
    regex::Regex::new(r"<[^>]*>|\n")
        .unwrap()
        .split(&without_code)
        .map(|t| {
            entities
                .iter()
                .fold(t.to_string(), |t, (e, c)| t.replace(e, c))
        })
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

#[test]
fn every_template_with_every_optional_field_absent_shows_only_labels_and_record_values() {
    // The base catalog cut to the fields the schemas require: every optional field is absent.
    let (dir, out) = built(|root| {
        let write = |path: &str, text: &str| std::fs::write(root.join(path), text).unwrap();
        write(
            "catalog/national/000120010000.yaml",
            "code: \"000120010000\"\nname: 居住证申领\ntype: public_service\naudience: [person]\nlevels: [city, county]\nstatus: active\nversion: 1\nlegal_basis:\n  - {law: residence-permit-regulation}\nstatutory_limit: {days: 15, unit: calendar_day}\nconditions: []\nmaterials: []\nfees: []\nresult: {type: certificate, name: 居住证}\nreviewed: 2026-06-30\n",
        );
        for region in ["440000", "440300"] {
            let level = if region == "440000" {
                "province"
            } else {
                "city"
            };
            write(
                &format!("catalog/regions/{region}/000120010000.yaml"),
                &format!(
                    "department: {{name: 公安局, credit_code: \"11440300007542417R\"}}\nlevel: {level}\ncontact: {{phone: \"12345\"}}\nreviewed: 2026-06-30\n"
                ),
            );
        }
    });
    let compiled = compile(dir.path());
    let values = record_values(&compiled);
    let mut unexplained = std::collections::BTreeSet::new();
    for entry in walkdir::WalkDir::new(out.path()) {
        let entry = entry.unwrap();
        let path = entry.path();
        let kind = path.extension().and_then(|e| e.to_str());
        if !matches!(kind, Some("html" | "md")) {
            continue;
        }
        let page = std::fs::read_to_string(path).unwrap();
        for fragment in fragments(&page) {
            // What is left once the record's values are taken out: labels and punctuation.
            let mut rest = fragment.clone();
            for value in &values {
                rest = rest.replace(value.as_str(), " ");
            }
            for piece in rest.split(|c: char| {
                c.is_ascii_punctuation()
                    || c.is_whitespace()
                    || c.is_ascii_digit()
                    || "（）：；，。、“”《》·〔〕—…？！".contains(c)
            }) {
                if !piece.is_empty() && !LABELS.contains(&piece) {
                    unexplained.insert(piece.to_string());
                }
            }
        }
    }
    assert!(
        unexplained.is_empty(),
        "{} phrases are neither a label nor a record value:\n{}",
        unexplained.len(),
        unexplained.iter().cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn point_4_an_events_cooperating_departments_are_on_its_page() {
    let (_dir, out) = built(|root| {
        merge(
            root,
            "catalog/events/residence.yaml",
            "cooperating_departments: [人力资源和社会保障部, 国家医疗保障局]\n",
        );
    });
    let page = read(out.path(), "portal/events/residence.html");
    assert!(
        page.contains("<dt>协同部门</dt><dd>人力资源和社会保障部、国家医疗保障局</dd>"),
        "{page}"
    );
}

#[test]
fn the_open_data_says_which_region_a_regional_event_belongs_to() {
    let out = sample_built();
    let catalog: serde_json::Value =
        serde_json::from_str(&read(out.path(), "opendata/catalog.json")).unwrap();
    let guangdong: serde_json::Value =
        serde_json::from_str(&read(out.path(), "opendata/regions/440000/catalog.json")).unwrap();
    let ids = |list: &serde_json::Value| -> Vec<String> {
        list.as_array()
            .unwrap()
            .iter()
            .map(|e| {
                e.get("event").unwrap_or(e)["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    // The national events, and 广东's own 新生儿出生 apart from the national one of the same id,
    // in 广东's part of the open data.
    assert_eq!(ids(&catalog["events"]), ["company-start", "newborn"]);
    assert_eq!(ids(&guangdong["events"]), ["newborn"]);
    assert_eq!(guangdong["region"]["code"], "440000");
}
