//! gen-catalog: writes a synthetic but valid catalog root for benchmarks (issue 6).
//!
//!     gen-catalog --out DIR --provinces P --cities C --items N [--coverage F] [--seed S]
//!                 [--omit-rate F] [--unaccounted-rate F]
//!
//! It writes `DIR/catalog/`: settings, registries, N national items, P provinces with C cities
//! each, the regional entries (every region implements every item delivered at its level with
//! probability F; provinces also hold regional standards that their cities inherit), a few local
//! items per region and a few events. The output is a pure function of the arguments: every file
//! draws from its own generator seeded by (seed, what, region, item), so the files can be written
//! in parallel and still come out the same.
//!
//! Restated lists follow format version 2: every inherited line is restated or omitted
//! explicitly with a reason (`- {ref: id, omitted: 理由}`). `--omit-rate` (default 0.1) is the
//! probability that a line which may be omitted — a material the national item does not mark
//! `statutory: true`, a fee, a condition it marks `waivable: true` — is written as an omission;
//! `--unaccounted-rate` (default 0) the probability that any inherited line is left out silently,
//! which catalogc reports as CAT210. With the default rates the catalog passes `catalogc check`
//! without errors; the warnings are the rare approved exceptions (CAT207) and waived materials
//! that keep their national note (CAT114). The summary line on stdout has `omissions N
//! unaccounted N`, the exact numbers of such lines written (an omitted situation and a line
//! omitted in one situation count as omissions), then `situation_items N attachments N`.
//!
//! Format 3 constructs (issue 15), each from its own stream so that the rest of a file is as
//! without them: a quarter of the national items have 2–6 situations (情形; the last one
//! `optional: true`), each proved by a material of its own (`situations: [id]`, with separate
//! `originals`); some materials are `deferrable` (容缺受理). A regional entry that states its lists
//! restates the situations, sometimes does not handle the optional one (`{ref, omitted: 理由}`),
//! rarely leaves out another or adds its own under an approved exception, and may omit one line
//! in one situation only. Stand-in attachments (valid PDF and PNG files of a few hundred bytes,
//! saying what they stand in for) lie beside some national items and entries, in the folder
//! named after the item, referenced as the application form's `blank_form` and `example`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;

const USAGE: &str = "usage: gen-catalog --out DIR --provinces P --cities C --items N [--coverage F] \
                     [--seed S] [--omit-rate F] [--unaccounted-rate F]";

// ---------------------------------------------------------------------------------------------
// Randomness: splitmix64, seeded per file.

#[derive(Clone)]
struct Rng(u64);

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

impl Rng {
    /// A generator for one purpose: `parts` name the file (kind, region, item).
    fn new(seed: u64, parts: &[u64]) -> Rng {
        let mut state = mix(seed ^ 0x9e37_79b9_7f4a_7c15);
        for &p in parts {
            state = mix(state ^ p.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        }
        Rng(state)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// Uniform in 0..n (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 11) % n as u64) as usize
    }

    /// Uniform in lo..=hi.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }

    /// `k` distinct indices of 0..n, in increasing order.
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        for i in 0..k.min(n) {
            let j = i + self.below(n - i);
            all.swap(i, j);
        }
        let mut chosen = all[..k.min(n)].to_vec();
        chosen.sort_unstable();
        chosen
    }

    /// A review date in 2026, no later than 2026-11-28.
    fn reviewed(&mut self) -> String {
        format!("2026-{:02}-{:02}", self.range(1, 11), self.range(1, 28))
    }
}

// Purposes, mixed into the seeds.
const K_ITEM: u64 = 1;
const K_PROVINCE: u64 = 2;
const K_CITY: u64 = 3;
const K_LOCAL: u64 = 4;
const K_EVENT: u64 = 5;
const K_NAMES: u64 = 7;
/// How each inherited line of a restated list is accounted for: its own stream, so that the
/// rates change which lines are omitted or left out and nothing else in the file.
const K_ACCOUNT: u64 = 8;
/// An item's situations, 容缺 and originals flags and its blank form.
const K_SITUATION: u64 = 9;
/// A regional entry's situations, per-situation lines, 容缺 and attachments.
const K_ENTRY_MORE: u64 = 10;

// ---------------------------------------------------------------------------------------------
// Vocabulary.

/// (GB/T 2260 prefix, name, short name for document numbers, area code)
const PROVINCES: &[(&str, &str, &str, &str)] = &[
    ("44", "广东省", "粤", "020"),
    ("37", "山东省", "鲁", "0531"),
    ("32", "江苏省", "苏", "025"),
    ("33", "浙江省", "浙", "0571"),
    ("41", "河南省", "豫", "0371"),
    ("51", "四川省", "川", "028"),
    ("42", "湖北省", "鄂", "027"),
    ("43", "湖南省", "湘", "0731"),
    ("13", "河北省", "冀", "0311"),
    ("34", "安徽省", "皖", "0551"),
    ("35", "福建省", "闽", "0591"),
    ("36", "江西省", "赣", "0791"),
    ("21", "辽宁省", "辽", "024"),
    ("61", "陕西省", "陕", "029"),
    ("45", "广西壮族自治区", "桂", "0771"),
    ("53", "云南省", "滇", "0871"),
    ("52", "贵州省", "黔", "0851"),
    ("14", "山西省", "晋", "0351"),
    ("22", "吉林省", "吉", "0431"),
    ("23", "黑龙江省", "黑", "0451"),
    ("15", "内蒙古自治区", "蒙", "0471"),
    ("62", "甘肃省", "甘", "0931"),
    ("65", "新疆维吾尔自治区", "新", "0991"),
    ("46", "海南省", "琼", "0898"),
    ("64", "宁夏回族自治区", "宁", "0951"),
    ("63", "青海省", "青", "0971"),
    ("54", "西藏自治区", "藏", "0891"),
    ("11", "北京市", "京", "010"),
    ("12", "天津市", "津", "022"),
    ("31", "上海市", "沪", "021"),
    ("50", "重庆市", "渝", "023"),
];

const CITY_FIRST: &[&str] = &[
    "安", "宝", "长", "大", "东", "丰", "广", "海", "河", "华", "黄", "吉", "嘉", "江", "金", "九",
    "开", "乐", "临", "龙", "南", "宁", "平", "青", "清", "庆", "泉", "瑞", "三", "山", "韶", "石",
    "顺", "泰", "天", "通", "铜", "威", "温", "文", "西", "新", "兴", "阳", "宜", "永", "玉", "云",
    "枣", "湛", "昭", "中", "舟", "遵",
];
const CITY_SECOND: &[&str] = &[
    "安", "昌", "城", "川", "德", "丰", "阳", "江", "宁", "山", "州", "源", "平", "化", "兴", "原",
    "林", "门", "庆", "海", "沙", "都", "口", "远",
];
const TOWN_SUFFIX: &[&str] = &["街道", "镇", "乡"];
const TOWN_FIRST: &[&str] = &[
    "城关", "东城", "西城", "南门", "北关", "新华", "人民", "解放", "中山", "和平", "建设", "文化",
    "朝阳", "青山", "白沙", "石桥", "柳林", "桃源", "凤凰", "金山",
];

/// A policy domain: the laws, departments and item subjects that go with it.
struct Domain {
    slug: &'static str,
    /// Used in law titles: 中华人民共和国{law}法, {law}条例, …
    law: &'static str,
    central: &'static str,
    /// The local department: {region}{local}
    local: &'static str,
    competent: &'static str,
    subjects: &'static [&'static str],
    topic: &'static str,
    /// An e-certificate the domain issues (id, name), if any.
    certificate: Option<(&'static str, &'static str)>,
}

const DOMAINS: &[Domain] = &[
    Domain {
        slug: "food-safety",
        law: "食品安全",
        central: "国家市场监督管理总局",
        local: "市场监督管理局",
        competent: "县级以上市场监督管理部门",
        subjects: &[
            "食品经营",
            "食品生产",
            "食品小作坊登记",
            "食品摊贩备案",
            "保健食品广告",
        ],
        topic: "食品药品",
        certificate: Some(("food-business-license", "食品经营许可证")),
    },
    Domain {
        slug: "drug-administration",
        law: "药品管理",
        central: "国家药品监督管理局",
        local: "市场监督管理局",
        competent: "县级以上药品监督管理部门",
        subjects: &[
            "药品零售企业经营",
            "第二类医疗器械经营",
            "医疗器械网络销售",
            "药品经营质量管理",
        ],
        topic: "食品药品",
        certificate: Some(("drug-business-license", "药品经营许可证")),
    },
    Domain {
        slug: "road-transport",
        law: "道路运输",
        central: "交通运输部",
        local: "交通运输局",
        competent: "县级以上道路运输管理机构",
        subjects: &[
            "道路货物运输经营",
            "道路旅客运输经营",
            "机动车维修经营",
            "出租汽车驾驶员从业资格",
            "道路运输车辆年审",
        ],
        topic: "交通出行",
        certificate: Some(("road-transport-permit", "道路运输经营许可证")),
    },
    Domain {
        slug: "construction",
        law: "建筑",
        central: "住房和城乡建设部",
        local: "住房和城乡建设局",
        competent: "县级以上住房和城乡建设主管部门",
        subjects: &[
            "建筑工程施工",
            "建筑业企业资质",
            "商品房预售",
            "房屋建筑工程竣工验收",
            "建设工程质量监督",
        ],
        topic: "住房保障",
        certificate: Some(("construction-permit", "建筑工程施工许可证")),
    },
    Domain {
        slug: "land-administration",
        law: "土地管理",
        central: "自然资源部",
        local: "自然资源局",
        competent: "县级以上自然资源主管部门",
        subjects: &[
            "建设用地规划",
            "不动产首次登记",
            "不动产转移登记",
            "乡村建设规划",
            "临时用地审批",
        ],
        topic: "规划用地",
        certificate: Some(("real-estate-certificate", "不动产权证书")),
    },
    Domain {
        slug: "environmental-protection",
        law: "环境保护",
        central: "生态环境部",
        local: "生态环境局",
        competent: "县级以上生态环境主管部门",
        subjects: &[
            "排污",
            "建设项目环境影响报告表审批",
            "危险废物经营",
            "辐射安全",
        ],
        topic: "环境保护",
        certificate: Some(("pollution-permit", "排污许可证")),
    },
    Domain {
        slug: "water",
        law: "水",
        central: "水利部",
        local: "水务局",
        competent: "县级以上水行政主管部门",
        subjects: &[
            "取水",
            "河道管理范围内建设项目",
            "水土保持方案审批",
            "洪水影响评价",
        ],
        topic: "水利水务",
        certificate: Some(("water-permit", "取水许可证")),
    },
    Domain {
        slug: "education",
        law: "教育",
        central: "教育部",
        local: "教育局",
        competent: "县级以上教育行政部门",
        subjects: &[
            "民办学校办学",
            "教师资格认定",
            "校外培训机构设立",
            "中小学转学",
        ],
        topic: "教育科研",
        certificate: Some(("teacher-certificate", "教师资格证书")),
    },
    Domain {
        slug: "health",
        law: "基本医疗卫生与健康促进",
        central: "国家卫生健康委员会",
        local: "卫生健康局",
        competent: "县级以上卫生健康主管部门",
        subjects: &[
            "医疗机构执业",
            "医师执业注册",
            "护士执业注册",
            "公共场所卫生",
            "母婴保健技术服务",
        ],
        topic: "医疗卫生",
        certificate: Some(("practice-license", "医疗机构执业许可证")),
    },
    Domain {
        slug: "social-insurance",
        law: "社会保险",
        central: "人力资源和社会保障部",
        local: "人力资源和社会保障局",
        competent: "县级以上社会保险行政部门",
        subjects: &[
            "失业保险金申领",
            "职工基本养老保险参保登记",
            "工伤认定",
            "社会保障卡申领",
            "城乡居民养老保险待遇",
        ],
        topic: "社会保障",
        certificate: Some(("social-security-card", "社会保障卡")),
    },
    Domain {
        slug: "employment-promotion",
        law: "就业促进",
        central: "人力资源和社会保障部",
        local: "人力资源和社会保障局",
        competent: "县级以上人力资源社会保障部门",
        subjects: &[
            "就业失业登记",
            "职业技能等级认定",
            "创业担保贷款",
            "职业介绍机构",
        ],
        topic: "就业创业",
        certificate: None,
    },
    Domain {
        slug: "civil-affairs",
        law: "社会救助",
        central: "民政部",
        local: "民政局",
        competent: "县级以上民政部门",
        subjects: &[
            "社会团体成立登记",
            "民办非企业单位登记",
            "最低生活保障",
            "临时救助",
            "特困人员供养",
        ],
        topic: "社会救助",
        certificate: None,
    },
    Domain {
        slug: "household-registration",
        law: "户口登记",
        central: "公安部",
        local: "公安局",
        competent: "县级以上公安机关",
        subjects: &[
            "户口迁移",
            "居住登记",
            "居民身份证换领",
            "出生登记",
            "户口簿补领",
        ],
        topic: "户籍办理",
        certificate: Some(("household-register", "居民户口簿")),
    },
    Domain {
        slug: "fire-protection",
        law: "消防",
        central: "应急管理部",
        local: "消防救援支队",
        competent: "县级以上消防救援机构",
        subjects: &[
            "公众聚集场所投入使用营业前消防安全检查",
            "建设工程消防设计审查",
            "建设工程消防验收",
        ],
        topic: "应急消防",
        certificate: None,
    },
    Domain {
        slug: "work-safety",
        law: "安全生产",
        central: "应急管理部",
        local: "应急管理局",
        competent: "县级以上应急管理部门",
        subjects: &[
            "危险化学品经营",
            "烟花爆竹经营",
            "非煤矿山安全生产",
            "特种作业操作证",
        ],
        topic: "安全生产",
        certificate: Some(("hazardous-chemicals-license", "危险化学品经营许可证")),
    },
    Domain {
        slug: "agriculture",
        law: "农业",
        central: "农业农村部",
        local: "农业农村局",
        competent: "县级以上农业农村主管部门",
        subjects: &[
            "农药经营",
            "兽药经营",
            "农作物种子生产经营",
            "动物防疫条件合格证",
            "拖拉机登记",
        ],
        topic: "农林牧渔",
        certificate: None,
    },
    Domain {
        slug: "forestry",
        law: "森林",
        central: "国家林业和草原局",
        local: "林业局",
        competent: "县级以上林业主管部门",
        subjects: &[
            "林木采伐",
            "使用林地审核",
            "野生动物人工繁育",
            "林草种子生产经营",
        ],
        topic: "农林牧渔",
        certificate: None,
    },
    Domain {
        slug: "culture",
        law: "公共文化服务保障",
        central: "文化和旅游部",
        local: "文化广电旅游局",
        competent: "县级以上文化和旅游主管部门",
        subjects: &[
            "娱乐场所经营",
            "营业性演出",
            "旅行社设立",
            "互联网上网服务营业场所",
        ],
        topic: "文化旅游",
        certificate: None,
    },
    Domain {
        slug: "foreign-trade",
        law: "对外贸易",
        central: "商务部",
        local: "商务局",
        competent: "县级以上商务主管部门",
        subjects: &[
            "对外贸易经营者备案",
            "单用途商业预付卡备案",
            "报废机动车回收拆解企业资质认定",
        ],
        topic: "商务贸易",
        certificate: None,
    },
    Domain {
        slug: "tax-administration",
        law: "税收征收管理",
        central: "国家税务总局",
        local: "税务局",
        competent: "县级以上税务机关",
        subjects: &[
            "税务登记",
            "发票领用",
            "纳税信用复评",
            "增值税一般纳税人登记",
        ],
        topic: "税收财务",
        certificate: None,
    },
    Domain {
        slug: "market-registration",
        law: "市场主体登记管理",
        central: "国家市场监督管理总局",
        local: "市场监督管理局",
        competent: "县级以上市场监督管理部门",
        subjects: &[
            "企业设立登记",
            "个体工商户登记",
            "企业变更登记",
            "企业注销登记",
            "农民专业合作社登记",
        ],
        topic: "企业开办",
        certificate: Some(("business-license", "营业执照")),
    },
    Domain {
        slug: "veterans",
        law: "退役军人保障",
        central: "退役军人事务部",
        local: "退役军人事务局",
        competent: "县级以上退役军人工作主管部门",
        subjects: &["优抚对象抚恤补助", "退役士兵安置", "烈士褒扬金发放"],
        topic: "优待抚恤",
        certificate: None,
    },
    Domain {
        slug: "housing-fund",
        law: "住房公积金管理",
        central: "住房和城乡建设部",
        local: "住房公积金管理中心",
        competent: "设区的市住房公积金管理中心",
        subjects: &[
            "住房公积金提取",
            "住房公积金个人住房贷款",
            "住房公积金缴存登记",
        ],
        topic: "住房保障",
        certificate: None,
    },
    Domain {
        slug: "disability",
        law: "残疾人保障",
        central: "中国残疾人联合会",
        local: "残疾人联合会",
        competent: "县级以上残疾人联合会",
        subjects: &["残疾人证核发", "残疾人两项补贴", "残疾人辅助器具适配"],
        topic: "残疾人服务",
        certificate: Some(("disability-certificate", "残疾人证")),
    },
];

/// (type, 2-digit code in the item code, weight, verbs, result type)
const TYPES: &[(&str, &str, usize, &[&str], &str)] = &[
    (
        "licensing",
        "01",
        30,
        &["许可", "审批", "核准"],
        "certificate",
    ),
    (
        "public_service",
        "20",
        24,
        &["服务", "办理", "申领"],
        "other",
    ),
    (
        "confirmation",
        "07",
        10,
        &["确认", "登记", "认定"],
        "certificate",
    ),
    ("filing", "11", 10, &["备案"], "filing_receipt"),
    ("benefit", "05", 8, &["给付", "发放"], "payment"),
    ("other_power", "10", 7, &["审核", "核查"], "approval"),
    ("levy", "04", 3, &["征收"], "payment"),
    ("reward", "08", 3, &["奖励"], "other"),
    ("adjudication", "09", 2, &["裁决"], "approval"),
    ("inspection", "06", 3, &["检查"], "other"),
];

const VARIANTS: &[&str] = &[
    "",
    "（新办）",
    "（变更）",
    "（延续）",
    "（注销）",
    "（补办）",
];

/// (id, name, form, copies, medium, required, source, certificate)
type MaterialSeed = (
    &'static str,
    &'static str,
    &'static str,
    u32,
    &'static str,
    bool,
    &'static str,
    Option<&'static str>,
);

const PERSON_MATERIALS: &[MaterialSeed] = &[
    (
        "id-card",
        "居民身份证",
        "original",
        1,
        "[paper, electronic]",
        true,
        "issuing_authority",
        Some("resident-id-card"),
    ),
    (
        "household-register",
        "居民户口簿",
        "original",
        1,
        "[paper, electronic]",
        false,
        "issuing_authority",
        Some("household-register"),
    ),
    (
        "photo",
        "近期免冠彩色相片",
        "original",
        2,
        "[paper]",
        true,
        "applicant",
        None,
    ),
    (
        "residence-permit",
        "居住证",
        "original",
        1,
        "[paper, electronic]",
        false,
        "issuing_authority",
        Some("residence-permit"),
    ),
    (
        "marriage-certificate",
        "结婚证",
        "copy",
        1,
        "[paper]",
        false,
        "issuing_authority",
        Some("marriage-certificate"),
    ),
    (
        "social-security-card",
        "社会保障卡",
        "original",
        1,
        "[paper, electronic]",
        false,
        "issuing_authority",
        Some("social-security-card"),
    ),
    (
        "medical-report",
        "县级以上医疗机构出具的体检证明",
        "original",
        1,
        "[paper]",
        true,
        "intermediary",
        None,
    ),
    (
        "bank-account",
        "本人银行账户信息",
        "copy",
        1,
        "[paper]",
        true,
        "applicant",
        None,
    ),
];

const ENTERPRISE_MATERIALS: &[MaterialSeed] = &[
    (
        "business-license",
        "营业执照",
        "copy",
        1,
        "[paper, electronic]",
        true,
        "issuing_authority",
        Some("business-license"),
    ),
    (
        "legal-rep-id",
        "法定代表人身份证明",
        "copy",
        1,
        "[paper, electronic]",
        true,
        "issuing_authority",
        Some("resident-id-card"),
    ),
    (
        "premises-proof",
        "经营场所使用证明",
        "copy",
        1,
        "[paper]",
        true,
        "applicant",
        None,
    ),
    (
        "real-estate",
        "不动产权证书",
        "copy",
        1,
        "[paper, electronic]",
        false,
        "issuing_authority",
        Some("real-estate-certificate"),
    ),
    (
        "layout-plan",
        "场所平面布局图",
        "original",
        1,
        "[paper]",
        true,
        "applicant",
        None,
    ),
    (
        "staff-list",
        "主要负责人和专业技术人员名单",
        "original",
        1,
        "[paper]",
        true,
        "applicant",
        None,
    ),
    (
        "qualification",
        "专业技术人员资格证明",
        "copy",
        2,
        "[paper]",
        true,
        "issuing_authority",
        None,
    ),
    (
        "safety-system",
        "安全管理制度文本",
        "original",
        1,
        "[paper]",
        true,
        "applicant",
        None,
    ),
    (
        "equipment-list",
        "主要设备设施清单",
        "both",
        1,
        "[paper]",
        true,
        "applicant",
        None,
    ),
    (
        "tech-report",
        "技术评估报告",
        "original",
        2,
        "[paper]",
        true,
        "intermediary",
        None,
    ),
    (
        "lease",
        "房屋租赁合同",
        "copy",
        1,
        "[paper]",
        false,
        "applicant",
        None,
    ),
];

const COMMON_MATERIALS: &[MaterialSeed] = &[
    (
        "application-form",
        "申请表",
        "original",
        1,
        "[paper, electronic]",
        true,
        "applicant",
        None,
    ),
    (
        "authorization",
        "授权委托书及受托人身份证明",
        "original",
        1,
        "[paper]",
        false,
        "applicant",
        None,
    ),
    (
        "commitment",
        "申请人承诺书",
        "original",
        1,
        "[paper, electronic]",
        true,
        "applicant",
        None,
    ),
    (
        "previous-license",
        "原许可证件",
        "original",
        1,
        "[paper]",
        false,
        "issuing_authority",
        None,
    ),
];

const CONDITIONS: &[(&str, &str)] = &[
    (
        "capacity",
        "申请人具有完全民事行为能力，或者由其监护人代为申请",
    ),
    ("premises", "有与申请事项相适应的场所、设施和设备"),
    ("staff", "有与申请事项相适应的专业技术人员和管理人员"),
    ("management", "有健全的管理制度和质量安全责任制度"),
    ("record", "申请人近三年内无因同类违法行为受到行政处罚的记录"),
    ("jurisdiction", "申请事项属于本行政机关管辖范围"),
    ("complete", "申请材料齐全、符合法定形式"),
    ("standard", "符合国家有关标准和技术规范的要求"),
];

/// Whether the national items mark a condition `waivable: true`: the clean-record condition is
/// the one regions commonly replace by a credit commitment; the others are legal requirements.
fn waivable(condition: &str) -> bool {
    condition == "record"
}

/// The share of required materials the national items mark `statutory: true` (a law names the
/// document; regions may not omit it): about 10 % of all materials.
const STATUTORY_SHARE: f64 = 0.14;

/// Reasons of explicit omissions (`omitted: 理由`), by what is omitted.
const OMIT_CERTIFIED: &[&str] = &["电子证照代替", "通过电子证照库调取，免于提交"];
const OMIT_SHARED: &[&str] = &["数据共享免于提交", "通过部门间数据共享核验，免于提交"];
const OMIT_MATERIAL: &[&str] = &[
    "告知承诺代替",
    "申请表已涵盖相关内容，免于提交",
    "由受理部门内部核查，免于提交",
];
const OMIT_CONDITION: &[&str] = &["告知承诺代替", "通过信用信息共享平台核查，不再作为受理条件"];
const OMIT_FORM: &[&str] = &["网上在线填报代替"];
const OMIT_FEE: &[&str] = &["本省已停止征收", "由财政负担，免予收取"];
/// Reasons of an omission in one situation only (`{ref: …, situations: [s], omitted: 理由}`).
const OMIT_IN_SITUATION: &[&str] = &[
    "该情形下由受理部门通过数据共享核验，免于提交",
    "该情形下原件已在前次办理时留存，免于提交",
];
/// Reasons a region gives for not handling an optional situation.
const OMIT_SITUATION: &[&str] = &["本地无此类申请，不办理该情形", "该情形由上级部门统一办理"];

/// The share of national items with situations (情形), and of those whose application form
/// links its blank form (an attachment beside the item).
const SITUATION_SHARE: f64 = 0.25;
const NATIONAL_FORM_SHARE: f64 = 0.08;
/// The share of regional entries stating their lists that link their own blank form and filled
/// example of the application form (attachments beside the entry).
const ENTRY_FORM_SHARE: f64 = 0.05;

/// (id, name, the id and name of the material that proves it) of a person's situations.
const PERSON_SITUATIONS: &[(&str, &str, &str, &str)] = &[
    ("first", "首次申请", "first-proof", "首次申请情况说明"),
    (
        "renewal",
        "有效期届满换领",
        "renewal-proof",
        "原证件或者有效期届满证明",
    ),
    ("loss", "遗失补领", "loss-proof", "遗失情况声明"),
    (
        "change",
        "登记信息变更",
        "change-proof",
        "信息变更的证明材料",
    ),
    (
        "agent",
        "委托他人代为办理",
        "agent-proof",
        "授权委托书和受托人身份证明",
    ),
    (
        "minor",
        "未成年人由监护人申请",
        "minor-proof",
        "监护关系证明",
    ),
];
/// The same for enterprises and other organisations.
const ENTERPRISE_SITUATIONS: &[(&str, &str, &str, &str)] = &[
    (
        "enterprise",
        "企业法人申请",
        "enterprise-proof",
        "企业法人登记证明",
    ),
    (
        "individual",
        "个体工商户申请",
        "individual-proof",
        "个体工商户经营者身份证明",
    ),
    (
        "branch",
        "分支机构申请",
        "branch-proof",
        "隶属企业出具的设立分支机构证明",
    ),
    (
        "extension",
        "有效期届满延续",
        "extension-proof",
        "原许可证件和有效期内经营情况说明",
    ),
    (
        "alteration",
        "许可事项变更",
        "alteration-proof",
        "变更事项的证明材料",
    ),
    (
        "entrusted",
        "委托代理人办理",
        "entrusted-proof",
        "授权委托书和代理人身份证明",
    ),
];

const STEPS: &[(&str, &str, &str)] = &[
    (
        "apply",
        "申请",
        "申请人通过政务服务网、移动端或者政务服务中心窗口提交申请材料",
    ),
    (
        "accept",
        "受理",
        "材料齐全、符合法定形式的当场受理；材料不全的一次性告知需要补正的全部内容",
    ),
    (
        "review",
        "审查",
        "对申请材料进行审查，需要现场核查的组织现场核查",
    ),
    (
        "decide",
        "决定",
        "作出准予或者不予的书面决定；不予的说明理由并告知救济途径",
    ),
    (
        "deliver",
        "送达",
        "通过窗口领取、邮寄或者电子证照方式送达办理结果",
    ),
];

const PERSONAL_DATA: &[(&str, &str)] = &[
    ("姓名", "身份核验"),
    ("公民身份号码", "身份核验和信息共享"),
    ("联系电话", "告知办理进度"),
    ("通讯地址", "邮寄办理结果"),
    ("人像相片", "制作证件"),
];

const HOURS: &[&str] = &[
    "周一至周五 9:00-12:00，14:00-17:30（法定节假日除外）",
    "周一至周五 8:30-12:00，13:30-17:00（法定节假日除外）",
    "周一至周五 9:00-17:00，周六上午 9:00-12:00（法定节假日除外）",
    "工作日 8:30-17:30，中午不休息（法定节假日除外）",
];

const DEPTHS: &[&str] = &["information", "download", "pre_review", "full_online"];

// ---------------------------------------------------------------------------------------------
// Attachments: small stand-in forms, valid files of their type.

/// The file names of the stand-in forms: a national item's blank form, and an entry's blank form
/// and filled example (in the folder named after the item, beside the YAML file).
const NATIONAL_FORM: &str = "申请表.pdf";
const ENTRY_FORM: &str = "申请表.pdf";
const ENTRY_EXAMPLE: &str = "申请表（填写示例）.png";

/// A one-page PDF saying what it stands in for (`what` is ASCII), with a correct cross-reference
/// table: a few hundred bytes.
fn pdf(what: &str) -> Vec<u8> {
    let content =
        format!("BT /F1 11 Tf 56 780 Td (catalogc gen-catalog stand-in form: {what}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
    ];
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (k, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{object}\nendobj\n", k + 1);
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(out, "{offset:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.into_bytes()
}

/// CRC-32 (ISO 3309, as PNG uses it).
fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in parts.iter().flat_map(|p| p.iter()) {
        crc ^= *byte as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A 16 × 8 grey PNG whose shade and `tEXt` comment depend on `what` (ASCII): a few hundred
/// bytes, image data in one stored (uncompressed) deflate block.
fn png(what: &str, shade: u8) -> Vec<u8> {
    let (width, height) = (16u32, 8u32);
    let mut raw = Vec::new();
    for y in 0..height {
        raw.push(0); // filter: none
        for x in 0..width {
            raw.push(shade.wrapping_add((x * 8 + y * 4) as u8));
        }
    }
    let (mut a, mut b) = (1u32, 0u32);
    for &byte in &raw {
        a = (a + byte as u32) % 65521;
        b = (b + a) % 65521;
    }
    let mut zlib = vec![0x78, 0x01, 0x01];
    let len = raw.len() as u16;
    zlib.extend(len.to_le_bytes());
    zlib.extend((!len).to_le_bytes());
    zlib.extend(&raw);
    zlib.extend(((b << 16) | a).to_be_bytes());
    let mut ihdr = Vec::new();
    ihdr.extend(width.to_be_bytes());
    ihdr.extend(height.to_be_bytes());
    ihdr.extend([8, 0, 0, 0, 0]); // 8-bit greyscale
    let text = format!("Comment\0catalogc gen-catalog stand-in example: {what}");
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [
        (b"IHDR", ihdr.as_slice()),
        (b"tEXt", text.as_bytes()),
        (b"IDAT", zlib.as_slice()),
        (b"IEND", &[][..]),
    ] {
        out.extend((data.len() as u32).to_be_bytes());
        out.extend(kind);
        out.extend(data);
        out.extend(crc32(&[kind, data]).to_be_bytes());
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The model the files are written from.

struct Material {
    id: &'static str,
    name: String,
    form: &'static str,
    copies: u32,
    medium: &'static str,
    required: bool,
    source: &'static str,
    certificate: Option<&'static str>,
    /// `statutory: true`: a law names the material; regions may not omit it (CAT212).
    statutory: bool,
    /// The one situation the line applies in (a situation's proof); none: every situation.
    situation: Option<&'static str>,
    /// `originals`: the number of originals shown, `copies` then counting the 复印件.
    originals: Option<u32>,
    /// `deferrable: true` (容缺受理) in the national standard.
    deferrable: bool,
}

/// A national situation (情形) of an item: its id, name, the material that proves it and
/// whether a region may leave it out (`optional: true`).
struct Situation {
    id: &'static str,
    name: &'static str,
    optional: bool,
}

struct Item {
    code: String,
    name: String,
    domain: usize,
    kind: usize,
    levels: &'static str,
    /// Whether cities (not only provinces) deliver the item.
    city: bool,
    /// Whether provinces deliver the item (else a province entry is a regional standard).
    province: bool,
    days: u32,
    unit: &'static str,
    conditions: Vec<(&'static str, &'static str)>,
    materials: Vec<Material>,
    fees: Vec<(&'static str, String, u32)>,
    audience_person: bool,
    /// The item's situations (none: the item has no `situations`).
    situations: Vec<Situation>,
    /// The national item links its application form's blank form (an attachment beside it).
    blank_form: bool,
}

struct Region {
    code: String,
    name: String,
    /// Index of the province in PROVINCES.
    province: usize,
    /// None for the province itself.
    city: Option<usize>,
    area_code: String,
    seq: usize,
}

struct Config {
    out: PathBuf,
    provinces: usize,
    cities: usize,
    items: usize,
    coverage: f64,
    seed: u64,
    /// The probability that an inherited line which may be omitted is written as an explicit
    /// omission.
    omit_rate: f64,
    /// The probability that an inherited line is left out silently (CAT210).
    unaccounted_rate: f64,
}

fn parse_args() -> Result<Config, String> {
    let mut out = None;
    let mut provinces = None;
    let mut cities = None;
    let mut items = None;
    let mut coverage = 1.0;
    let mut seed = 1u64;
    // As many lines as the format-1 generator dropped silently: in the 10k catalog
    // (--provinces 1 --cities 9 --items 1050) it dropped 1,193 of 17,525 inherited lines; at 0.1
    // this one omits 1,205 of them explicitly.
    let mut omit_rate = 0.1;
    let mut unaccounted_rate = 0.0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value"));
        match arg.as_str() {
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--provinces" => provinces = Some(number(&value("--provinces")?)?),
            "--cities" => cities = Some(number(&value("--cities")?)?),
            "--items" => items = Some(number(&value("--items")?)?),
            "--coverage" => coverage = share("--coverage", &value("--coverage")?)?,
            "--omit-rate" => omit_rate = share("--omit-rate", &value("--omit-rate")?)?,
            "--unaccounted-rate" => {
                unaccounted_rate = share("--unaccounted-rate", &value("--unaccounted-rate")?)?
            }
            "--seed" => seed = number(&value("--seed")?)? as u64,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    let config = Config {
        out: out.ok_or("--out is required")?,
        provinces: provinces.ok_or("--provinces is required")?,
        cities: cities.ok_or("--cities is required")?,
        items: items.ok_or("--items is required")?,
        coverage,
        seed,
        omit_rate,
        unaccounted_rate,
    };
    if config.provinces == 0 || config.provinces > PROVINCES.len() {
        return Err(format!("--provinces must be 1..={}", PROVINCES.len()));
    }
    if config.cities > 99 {
        return Err("--cities must be at most 99".into());
    }
    if config.items < 2 || config.items > 99_999 {
        return Err("--items must be 2..=99999".into());
    }
    Ok(config)
}

fn number(text: &str) -> Result<usize, String> {
    text.parse().map_err(|e| format!("`{text}`: {e}"))
}

/// A probability, 0 to 1.
fn share(name: &str, text: &str) -> Result<f64, String> {
    let value = text.parse::<f64>().map_err(|e| format!("{name}: {e}"))?;
    if !(0.0..=1.0).contains(&value) {
        return Err(format!("{name} must be between 0 and 1"));
    }
    Ok(value)
}

// ---------------------------------------------------------------------------------------------
// Codes.

/// A 统一社会信用代码 of a government body (11 = 机构编制, 机关) in `region`, with valid GB 11714
/// and GB 32100 check characters.
fn credit_code(region: &str, serial: u64) -> String {
    let mut digits = [0u32; 8];
    let mut s = serial;
    for d in digits.iter_mut() {
        *d = (s % 10) as u32;
        s /= 10;
    }
    const W: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = digits.iter().zip(W).map(|(d, w)| d * w).sum();
    let c9 = match 11 - sum % 11 {
        10 => 'X',
        11 => '0',
        n => char::from_digit(n, 10).unwrap(),
    };
    let mut code = format!("11{region}");
    for d in digits {
        code.push(char::from_digit(d, 10).unwrap());
    }
    code.push(c9);
    // The GB 32100 check character: the rule CAT107 verifies (one implementation, in catalogc).
    let check = catalogc::check::rules::credit_code::check_character(&code)
        .expect("17 characters of the credit-code alphabet");
    code.push(check);
    code
}

// ---------------------------------------------------------------------------------------------
// Building the model.

fn regions(config: &Config) -> Vec<Region> {
    let mut out = Vec::new();
    // City names are unique across the catalog, as in GB/T 2260 (CAT311).
    let mut used = std::collections::BTreeSet::new();
    for (p, &(prefix, name, _, area)) in PROVINCES.iter().enumerate().take(config.provinces) {
        out.push(Region {
            code: format!("{prefix}0000"),
            name: name.to_string(),
            province: p,
            city: None,
            area_code: area.to_string(),
            seq: out.len(),
        });
        let mut rng = Rng::new(config.seed, &[K_NAMES, p as u64]);
        for c in 0..config.cities {
            let city = loop {
                let n = format!("{}{}市", rng.pick(CITY_FIRST), rng.pick(CITY_SECOND));
                if used.insert(n.clone()) {
                    break n;
                }
            };
            out.push(Region {
                code: format!("{prefix}{:02}00", c + 1),
                name: city,
                province: p,
                city: Some(c),
                area_code: format!(
                    "0{}{:02}",
                    &area[1..2.min(area.len())],
                    10 + (p * 7 + c * 3) % 89
                ),
                seq: out.len(),
            });
        }
    }
    out
}

fn items(config: &Config) -> Vec<Item> {
    let total_weight: usize = TYPES.iter().map(|t| t.2).sum();
    (0..config.items)
        .map(|i| {
            let mut rng = Rng::new(config.seed, &[K_ITEM, i as u64]);
            let domain = rng.below(DOMAINS.len());
            let d = &DOMAINS[domain];
            let mut w = rng.below(total_weight);
            let mut kind = 0;
            while w >= TYPES[kind].2 {
                w -= TYPES[kind].2;
                kind += 1;
            }
            let (_, type_code, _, verbs, _) = TYPES[kind];
            let subject = rng.pick(d.subjects);
            let name = format!("{subject}{}{}", rng.pick(verbs), rng.pick(VARIANTS));
            let code = format!("00{type_code}{:05}{:03}", i + 1, 1 + rng.below(9));
            // Mostly [province, city] or [city]; a few provincial-only items.
            let (levels, province, city) = match rng.below(100) {
                0..=44 => ("[province, city]", true, true),
                45..=84 => ("[city]", false, true),
                85..=94 => ("[city, county]", false, true),
                _ => ("[province]", true, false),
            };
            let audience_person = rng.chance(0.45);
            let days = *rng.pick(&[5u32, 10, 15, 20, 20, 30, 60]);
            let unit = if rng.chance(0.8) {
                "working_day"
            } else {
                "calendar_day"
            };
            let n_conditions = rng.range(1, 4);
            let conditions = rng
                .sample(CONDITIONS.len(), n_conditions)
                .into_iter()
                .map(|k| CONDITIONS[k])
                .collect();
            let specific: &[MaterialSeed] = if audience_person {
                PERSON_MATERIALS
            } else {
                ENTERPRISE_MATERIALS
            };
            let n_materials = rng.range(2, 8);
            let mut materials: Vec<Material> = Vec::new();
            let mut seeds: Vec<&MaterialSeed> = vec![&COMMON_MATERIALS[0], &specific[0]];
            for k in rng.sample(
                specific.len() - 1,
                n_materials.saturating_sub(2).min(specific.len() - 1),
            ) {
                seeds.push(&specific[k + 1]);
            }
            if kind == 0 && name.contains('（') && !name.contains("新办") {
                seeds.push(&COMMON_MATERIALS[3]);
            }
            if rng.chance(0.3) {
                seeds.push(&COMMON_MATERIALS[1]);
            }
            // Its own stream, so that the flag leaves the rest of the item as it was.
            let mut flags = Rng::new(config.seed, &[K_ITEM, i as u64, 2]);
            for s in seeds.into_iter().take(8) {
                let name = if s.0 == "application-form" {
                    format!("{name}申请表")
                } else {
                    s.1.to_string()
                };
                materials.push(Material {
                    id: s.0,
                    name,
                    form: s.2,
                    copies: s.3,
                    medium: s.4,
                    required: s.5,
                    source: s.6,
                    certificate: s.7,
                    statutory: s.5 && flags.chance(STATUTORY_SHARE),
                    situation: None,
                    originals: None,
                    deferrable: false,
                });
            }
            // Situations, 容缺 and originals: their own stream, so that the items without them
            // are written as before.
            let mut more = Rng::new(config.seed, &[K_SITUATION, i as u64]);
            let mut situations = Vec::new();
            if more.chance(SITUATION_SHARE) {
                let pool = if audience_person {
                    PERSON_SITUATIONS
                } else {
                    ENTERPRISE_SITUATIONS
                };
                let n = more.range(2, pool.len());
                let chosen = more.sample(pool.len(), n);
                let last = chosen.len() - 1;
                for (k, &c) in chosen.iter().enumerate() {
                    let (id, name, proof_id, proof) = pool[c];
                    situations.push(Situation {
                        id,
                        name,
                        optional: k == last,
                    });
                    materials.push(Material {
                        id: proof_id,
                        name: proof.to_string(),
                        form: "both",
                        copies: 1,
                        medium: "[paper]",
                        required: true,
                        source: "applicant",
                        certificate: None,
                        statutory: false,
                        situation: Some(id),
                        originals: Some(1),
                        deferrable: false,
                    });
                }
            }
            for m in materials.iter_mut() {
                if m.form == "both" && m.originals.is_none() {
                    m.originals = Some(1);
                }
                if m.situation.is_none()
                    && !m.statutory
                    && m.source == "applicant"
                    && more.chance(0.1)
                {
                    m.deferrable = true;
                }
            }
            let blank_form = more.chance(NATIONAL_FORM_SHARE);
            let mut fees = Vec::new();
            if kind == 0 && rng.chance(0.25) {
                fees.push((
                    "certificate-fee",
                    "证书工本费".to_string(),
                    *rng.pick(&[5u32, 10, 20]),
                ));
                if rng.chance(0.3) {
                    fees.push((
                        "inspection-fee",
                        "现场检验费".to_string(),
                        *rng.pick(&[50u32, 100, 200]),
                    ));
                }
            }
            Item {
                code,
                name,
                domain,
                kind,
                levels,
                city,
                province,
                days,
                unit,
                conditions,
                materials,
                fees,
                audience_person,
                situations,
                blank_form,
            }
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Writing.

fn registries(config: &Config) -> (String, String) {
    let mut laws = String::from(
        "# 法规登记册（合成基准数据）：设定依据、实施依据、材料依据、收费依据和个人信息采集依据引用的法规。\n\
         # Written by gen-catalog for benchmarks; titles follow the usual naming of Chinese laws.\nlaws:\n",
    );
    laws.push_str(
        "  - id: personal-information-protection-law\n    title: 中华人民共和国个人信息保护法\n    \
         number: 中华人民共和国主席令第91号\n    issuer: 全国人民代表大会常务委员会\n    kind: law\n    effective: 2021-11-01\n",
    );
    for (i, d) in DOMAINS.iter().enumerate() {
        let year = 1995 + (i * 7) % 28;
        let _ = write!(
            laws,
            "  - id: {s}-law\n    title: 中华人民共和国{l}法\n    issuer: 全国人民代表大会常务委员会\n    kind: law\n    effective: {year}-{m:02}-01\n\
             \x20 - id: {s}-regulation\n    title: {l}条例\n    number: 国务院令第{n}号\n    issuer: 国务院\n    kind: administrative_regulation\n    effective: {y2}-{m:02}-01\n\
             \x20 - id: {s}-measures\n    title: {l}行政许可管理办法\n    issuer: {c}\n    kind: department_rule\n\
             \x20 - id: {s}-fee-standard\n    title: {l}领域行政事业性收费标准\n    issuer: 国家发展和改革委员会\n    kind: normative_document\n",
            s = d.slug,
            l = d.law,
            c = d.central,
            n = 500 + i * 13,
            m = 1 + i % 12,
            y2 = year + 2,
        );
    }
    for (prefix, name, short, _) in &PROVINCES[..config.provinces] {
        for d in DOMAINS {
            let _ = writeln!(
                laws,
                "  - {{id: p{prefix}-{s}-regulation, title: {name}{l}条例, issuer: {name}人民代表大会常务委员会, kind: local_regulation}}\n  \
                 - {{id: p{prefix}-{s}-rules, title: {name}{l}实施细则, number: {short}政规〔2025〕{n}号, kind: normative_document}}",
                s = d.slug,
                l = d.law,
                n = 1 + d.slug.len(),
            );
        }
    }
    let mut certificates = String::from(
        "# 电子证照登记册（合成基准数据）：申请材料可据以免提交的证照类型。\ncertificates:\n\
         \x20 - {id: resident-id-card, name: 居民身份证, issuer: 公安部}\n\
         \x20 - {id: residence-permit, name: 居住证, issuer: 公安部}\n\
         \x20 - {id: marriage-certificate, name: 结婚证, issuer: 民政部}\n",
    );
    let mut seen = std::collections::BTreeSet::new();
    for d in DOMAINS {
        if let Some((id, name)) = d.certificate
            && seen.insert(id)
        {
            let _ = writeln!(
                certificates,
                "  - {{id: {id}, name: {name}, issuer: {}}}",
                d.central
            );
        }
    }
    (laws, certificates)
}

fn national_yaml(item: &Item, rng: &mut Rng) -> String {
    let d = &DOMAINS[item.domain];
    let (type_name, _, _, _, result_type) = TYPES[item.kind];
    let mut s = String::with_capacity(3000);
    let _ = write!(
        s,
        "# 全国事项（基本目录）：{name}。\n# 合成基准数据（gen-catalog）：主管部门、依据和材料按同类事项的常见写法生成。\n\
         code: \"{code}\"\nname: {name}\ntype: {type_name}\naudience: [{aud}]\nlevels: {levels}\nstatus: active\n\
         version: {version}\neffective: {ey}-{em:02}-01\ncentral_department: {central}\ncompetent_department: {competent}\n\
         description: >-\n  申请人依照《中华人民共和国{law}法》的规定办理{name}。{competent}应当公开办理条件、申请材料和办理时限，\n  \
         对符合条件的申请在法定时限内办结；申请材料可以通过电子证照或者数据共享取得的，不再要求申请人提交。\n\
         legal_basis:\n  - {{law: {slug}-law, article: 第{a1}条}}\n",
        name = item.name,
        code = item.code,
        aud = if item.audience_person {
            "person"
        } else {
            "enterprise, other_organization"
        },
        levels = item.levels,
        version = 1 + rng.below(3),
        ey = 2015 + rng.below(10),
        em = 1 + rng.below(12),
        central = d.central,
        competent = d.competent,
        law = d.law,
        slug = d.slug,
        a1 = chinese_number(5 + rng.below(60)),
    );
    if rng.chance(0.7) {
        let _ = writeln!(
            s,
            "  - {{law: {}-regulation, article: 第{}条}}",
            d.slug,
            chinese_number(3 + rng.below(40))
        );
    }
    if rng.chance(0.4) {
        let _ = writeln!(s, "  - {{law: {}-measures}}", d.slug);
    }
    let _ = writeln!(
        s,
        "statutory_limit:\n  days: {}\n  unit: {}\n  note: 自受理之日起计算；需要现场核查、听证、检验检测的时间不计算在内",
        item.days, item.unit
    );
    if rng.chance(0.3) {
        s.push_str("quantity_limit: 无数量限制\n");
    }
    if !item.situations.is_empty() {
        s.push_str("situations:\n");
        for (k, sit) in item.situations.iter().enumerate() {
            let proof = item
                .materials
                .iter()
                .find(|m| m.situation == Some(sit.id))
                .map_or("", |m| m.id);
            let _ = write!(
                s,
                "  - {{id: {}, name: {}, proof: [{proof}]",
                sit.id, sit.name
            );
            if sit.optional {
                s.push_str(", optional: true");
            }
            if k == 0 {
                let _ = write!(
                    s,
                    ", description: 以{}方式办理的，提交该情形的证明材料",
                    sit.name
                );
            }
            s.push_str("}\n");
        }
    }
    s.push_str("conditions:\n");
    for (id, text) in &item.conditions {
        if waivable(id) {
            let _ = writeln!(s, "  - {{id: {id}, text: {text}, waivable: true}}");
        } else {
            let _ = writeln!(s, "  - {{id: {id}, text: {text}}}");
        }
    }
    s.push_str("materials:\n");
    for m in &item.materials {
        let _ = write!(
            s,
            "  - id: {}\n    name: {}\n    form: {}\n    copies: {}\n    medium: {}\n    required: {}\n    source: {}\n",
            m.id, m.name, m.form, m.copies, m.medium, m.required, m.source
        );
        if let Some(c) = m.certificate {
            let _ = writeln!(s, "    certificate: {c}");
        }
        if m.statutory {
            s.push_str("    statutory: true\n");
        }
        if let Some(n) = m.originals {
            let _ = writeln!(s, "    originals: {n}");
        }
        if let Some(situation) = m.situation {
            let _ = writeln!(s, "    situations: [{situation}]");
        }
        if m.deferrable {
            s.push_str("    deferrable: true\n    deferrable_days: 5\n");
        }
        if m.id == "application-form" && item.blank_form {
            let _ = writeln!(
                s,
                "    blank_form: {{file: {}/{}, name: {}（空白表格）, illustrative: true}}",
                item.code, NATIONAL_FORM, m.name
            );
        }
        if m.source == "applicant" && rng.chance(0.5) {
            s.push_str("    page_format: A4\n");
        }
        if rng.chance(0.4) {
            let _ = writeln!(s, "    note: {}", material_note(m));
        }
        if rng.chance(0.5) {
            let _ = writeln!(s, "    basis: {}-regulation", d.slug);
        }
    }
    s.push_str("process:\n");
    let steps = if rng.chance(0.5) { 5 } else { 4 };
    for (id, name, text) in STEPS.iter().take(steps) {
        let _ = writeln!(s, "  - {{id: {id}, name: {name}, text: {text}}}");
    }
    if item.fees.is_empty() {
        s.push_str("fees: []\n");
    } else {
        s.push_str("fees:\n");
        for (id, name, amount) in &item.fees {
            let _ = writeln!(
                s,
                "  - {{id: {id}, name: {name}, amount: {amount}, basis: {}-fee-standard}}",
                d.slug
            );
        }
    }
    let result_name = match result_type {
        "certificate" => d
            .certificate
            .map(|c| c.1.to_string())
            .unwrap_or_else(|| format!("{}证明", item.name)),
        "filing_receipt" => format!("{}回执", item.name),
        "payment" => "按规定标准发放的待遇".to_string(),
        "approval" => format!("{}决定书", item.name),
        _ => format!("{}办理结果告知书", item.name),
    };
    let _ = writeln!(s, "result: {{type: {result_type}, name: {result_name}}}");
    s.push_str("personal_data:\n");
    let n = rng.range(1, 4);
    for k in rng.sample(PERSONAL_DATA.len(), n) {
        let (field, purpose) = PERSONAL_DATA[k];
        let basis = if rng.chance(0.5) {
            format!("{}-law", d.slug)
        } else {
            "personal-information-protection-law".to_string()
        };
        let _ = writeln!(
            s,
            "  - {{field: {field}, purpose: {purpose}, basis: {basis}}}"
        );
    }
    let _ = write!(
        s,
        "rights: 申请人依法享有知情权、陈述权和申辩权；对办理结果不服的，可以依法申请行政复议或者提起行政诉讼。\n\
         duties: 如实提交申请材料并对其真实性负责；情况发生变化的，应当及时告知办理机关。\n\
         topics: [{}]\n",
        d.topic
    );
    if rng.chance(0.3) {
        let _ = writeln!(
            s,
            "handle_area: {}",
            rng.pick(&["cross_province", "nationwide", "cross_city"])
        );
    }
    let _ = writeln!(s, "reviewed: {}", rng.reviewed());
    s
}

fn material_note(m: &Material) -> &'static str {
    match m.source {
        "issuing_authority" => "可通过电子证照库调取的，无需提交纸质材料",
        "intermediary" => "由具备资质的机构出具，出具日期在申请前三个月内",
        _ => "须由申请人签字或者加盖公章",
    }
}

fn chinese_number(n: usize) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n].to_string(),
        10..=19 => format!("十{}", if n.is_multiple_of(10) { "" } else { D[n % 10] }),
        _ => format!(
            "{}十{}",
            D[n / 10],
            if n.is_multiple_of(10) { "" } else { D[n % 10] }
        ),
    }
}

/// Channels of a region's entry: (mobile, mail, self_service, online depth, visits).
#[derive(Clone, Copy)]
struct Channels {
    mobile: bool,
    mail: bool,
    self_service: bool,
    online: Option<usize>,
    visits: u32,
}

/// What a province's entry for an item says, as far as its cities must respect it.
struct ProvincePlan {
    /// The province states conditions, materials and fees (a regional standard).
    standard: bool,
    days: u32,
    channels: Channels,
}

fn province_plan(
    config: &Config,
    prov: &Region,
    i: usize,
    item: &Item,
) -> Option<(ProvincePlan, Rng)> {
    let mut rng = Rng::new(config.seed, &[K_PROVINCE, prov.seq as u64, i as u64]);
    if !rng.chance(config.coverage) {
        return None;
    }
    let standard = !item.province || rng.chance(0.7);
    let days = committed_days(&mut rng, item.days);
    let online = rng.chance(0.8).then(|| 1 + rng.below(3));
    let mobile = rng.chance(0.5);
    let mail = rng.chance(0.3);
    let visits = if (online.is_some() || mobile || mail) && rng.chance(0.4) {
        0
    } else {
        1
    };
    let channels = Channels {
        mobile,
        mail,
        self_service: rng.chance(0.2),
        online,
        visits,
    };
    Some((
        ProvincePlan {
            standard,
            days,
            channels,
        },
        rng,
    ))
}

fn committed_days(rng: &mut Rng, statutory: u32) -> u32 {
    if rng.chance(0.15) {
        0
    } else {
        (statutory / 2).max(1) + rng.below((statutory / 2) as usize + 1) as u32
    }
}

/// Widens `base` (never narrows): the channels of a city that restates its province's.
fn widen(rng: &mut Rng, base: Channels) -> Channels {
    let mut c = base;
    c.mobile |= rng.chance(0.4);
    c.mail |= rng.chance(0.2);
    if c.online.is_none() && rng.chance(0.5) {
        c.online = Some(1 + rng.below(3));
    }
    if let Some(d) = c.online
        && d < 3
        && rng.chance(0.3)
    {
        c.online = Some(d + 1);
    }
    if c.visits > 0 && (c.online.is_some() || c.mobile || c.mail) && rng.chance(0.3) {
        c.visits = 0;
    }
    c
}

fn write_channels(s: &mut String, region: &Region, item: &Item, c: Channels) {
    s.push_str("channels:\n  window: true\n");
    if let Some(d) = c.online {
        let _ = writeln!(
            s,
            "  online: {{url: \"https://example.invalid/{}/{}\", depth: {}}}",
            region.code, item.code, DEPTHS[d]
        );
    }
    if c.mobile {
        s.push_str("  mobile: true\n");
    }
    if c.mail {
        s.push_str("  mail: true\n");
    }
    if c.self_service {
        s.push_str("  self_service: true\n");
    }
    let _ = writeln!(s, "  visits: {}", c.visits);
    if c.visits > 0 {
        s.push_str("  visit_reason: 需现场核验申请材料原件\n");
    }
}

fn write_limit(s: &mut String, days: u32, unit: &str) {
    if days == 0 {
        let _ = writeln!(
            s,
            "committed_limit: {{days: 0, unit: {unit}, note: 当场办结}}\nhandling: immediate"
        );
    } else {
        let _ = writeln!(
            s,
            "committed_limit: {{days: {days}, unit: {unit}, note: 自受理之日起}}\nhandling: promised"
        );
    }
}

/// What the restated lists of one entry wrote besides restated lines: explicit omissions and
/// inherited lines left out silently (CAT210).
#[derive(Default, Clone, Copy)]
struct Accounted {
    omissions: u64,
    unaccounted: u64,
}

/// Decides how a restated list accounts for each line it inherits (the national list: a city
/// restates lists only where its province holds no regional standard).
struct Accounting<'a> {
    config: &'a Config,
    rng: Rng,
    tally: Accounted,
}

impl Accounting<'_> {
    /// The line to write for inherited line `id`: `restated`, an omission with one of `reasons`
    /// when `omittable`, or none (left out). Three draws per line whatever the outcome, so that
    /// the rates move lines between the three outcomes and change nothing else.
    fn line(
        &mut self,
        restated: String,
        id: &str,
        omittable: bool,
        reasons: &[&str],
    ) -> Option<String> {
        let silent = self.rng.chance(self.config.unaccounted_rate);
        let omit = self.rng.chance(self.config.omit_rate);
        let reason = *self.rng.pick(reasons);
        if silent {
            self.tally.unaccounted += 1;
            None
        } else if omittable && omit {
            self.tally.omissions += 1;
            Some(format!("  - {{ref: {id}, omitted: {reason}}}\n"))
        } else {
            Some(restated)
        }
    }

    /// `restated`, whatever the rates, after the same three draws as [`Accounting::line`].
    fn keep(&mut self, restated: String) -> Option<String> {
        for _ in 0..3 {
            self.rng.next();
        }
        Some(restated)
    }
}

/// A restated list: `field: []` when no line is left.
fn write_list(s: &mut String, field: &str, lines: &[String]) {
    if lines.is_empty() {
        let _ = writeln!(s, "{field}: []");
    } else {
        let _ = writeln!(s, "{field}:");
        for line in lines {
            s.push_str(line);
        }
    }
}

/// The reasons a region gives for omitting a material.
fn material_reasons(m: &Material) -> &'static [&'static str] {
    if m.certificate.is_some() {
        OMIT_CERTIFIED
    } else if m.source == "issuing_authority" {
        OMIT_SHARED
    } else if m.id == "application-form" {
        OMIT_FORM
    } else {
        OMIT_MATERIAL
    }
}

/// Restated conditions, materials and fees of entry `i` of `region`, each line restated as an
/// improvement on the standard or omitted with a reason (`--omit-rate`), or left out
/// (`--unaccounted-rate`); rarely an addition or a stricter text under an approved exception.
fn write_lines(
    s: &mut String,
    rng: &mut Rng,
    config: &Config,
    (region, i, item): (&Region, usize, &Item),
    exceptions: &mut Vec<String>,
    files: &mut Vec<(String, Vec<u8>)>,
) -> Accounted {
    let mut account = Accounting {
        config,
        rng: Rng::new(config.seed, &[K_ACCOUNT, region.seq as u64, i as u64]),
        tally: Accounted::default(),
    };
    // Situations, lines per situation, 容缺 and attachments draw from their own stream, so that
    // the rest of the entry is written as without them.
    let mut more = Rng::new(config.seed, &[K_ENTRY_MORE, region.seq as u64, i as u64]);
    let short = PROVINCES[region.province].2;
    // The region's situations: every national one restated, the optional one sometimes not
    // handled, rarely one not handled or one added under an approved exception.
    let mut situations = Vec::new();
    let mut unhandled = Vec::new();
    let mut added = None;
    if !item.situations.is_empty() && more.chance(0.5) {
        for sit in &item.situations {
            if sit.optional && more.chance(0.4) {
                unhandled.push(sit.id);
                account.tally.omissions += 1;
                situations.push(format!(
                    "  - {{ref: {}, omitted: {}}}\n",
                    sit.id,
                    more.pick(OMIT_SITUATION)
                ));
            } else if !sit.optional && more.chance(0.01) {
                unhandled.push(sit.id);
                account.tally.omissions += 1;
                situations.push(format!(
                    "  - {{ref: {}, omitted: 本地该情形由市级统一办理}}\n",
                    sit.id
                ));
                exceptions.push(format!(
                    "  - field: situations\n    ref: {}\n    reason: 本地机构改革后该情形划转上级部门办理\n    \
                     approval: {short}府函〔2026〕{}号\n    expires: 2099-12-31\n",
                    sit.id,
                    10 + more.below(90)
                ));
            } else {
                situations.push(format!("  - {{ref: {}}}\n", sit.id));
            }
        }
        if more.chance(0.02) {
            added = Some("local-case");
            situations.push("  - {id: local-case, name: 本地特殊情形申请}\n".to_string());
            exceptions.push(format!(
                "  - field: situations\n    ref: local-case\n    reason: 本地地方性法规规定的特殊情形\n    \
                 approval: {short}府函〔2026〕{}号\n    expires: 2099-12-31\n",
                10 + more.below(90)
            ));
        }
    }
    // One material line restated in all situations but one, omitted in that one.
    let mut split = (!item.situations.is_empty() && more.chance(0.3))
        .then(|| item.situations[more.below(item.situations.len())].id);
    let mut lines = Vec::new();
    let reworded = rng.chance(0.0015);
    for (k, (id, text)) in item.conditions.iter().enumerate() {
        if k == 0 && reworded {
            // Always restated: the exception approves this line.
            lines.push(format!(
                "  - {{ref: {id}, text: {text}，并在本市有固定住所}}\n"
            ));
            exceptions.push(format!(
                "  - field: conditions\n    ref: {id}\n    reason: 本市地方性法规对申请人住所另有规定\n    \
                 approval: {short}府函〔2026〕{}号\n    expires: 2099-12-31\n",
                10 + rng.below(90)
            ));
        } else {
            let restated = format!("  - {{ref: {id}}}\n");
            lines.extend(account.line(restated, id, waivable(id), OMIT_CONDITION));
        }
    }
    write_list(s, "conditions", &lines);
    lines.clear();
    for m in &item.materials {
        let mut line = format!("  - {{ref: {}", m.id);
        if m.certificate.is_some() && rng.chance(0.5) {
            line.push_str(", waived_by: e_certificate");
        } else if m.source == "issuing_authority" && rng.chance(0.3) {
            line.push_str(", waived_by: data_sharing");
        } else if m.id == "commitment" && rng.chance(0.2) {
            line.push_str(", waived_by: commitment");
        }
        if m.copies > 1 && rng.chance(0.5) {
            line.push_str(", copies: 1");
        }
        if m.medium == "[paper]" && rng.chance(0.3) {
            line.push_str(", medium: [paper, electronic]");
        }
        if m.form == "both" && rng.chance(0.5) {
            line.push_str(", form: original");
        }
        if rng.chance(0.1) {
            line.push_str(", note: 可在政务服务中心现场打印或者复印");
        }
        // 容缺受理: never with 免提交 (CAT319), never for a situation's proof (CAT318).
        if !line.contains("waived_by")
            && m.situation.is_none()
            && !m.deferrable
            && more.chance(0.05)
        {
            line.push_str(", deferrable: true, deferrable_days: 5");
        }
        let mut forms = Vec::new();
        if m.id == "application-form" && more.chance(ENTRY_FORM_SHARE) {
            let what = format!("item {} region {}", item.code, region.code);
            let _ = write!(
                line,
                ", blank_form: {{file: {code}/{ENTRY_FORM}, name: {name}（空白表格）, illustrative: true}}, \
                 example: {{file: {code}/{ENTRY_EXAMPLE}, name: {name}（填写示例）, illustrative: true}}",
                code = item.code,
                name = m.name
            );
            forms.push((format!("{}/{ENTRY_FORM}", item.code), pdf(&what)));
            forms.push((
                format!("{}/{ENTRY_EXAMPLE}", item.code),
                png(&what, (region.seq * 31 + i) as u8),
            ));
        }
        line.push_str("}\n");
        let restated = line.clone();
        // The proof of a situation the region does not handle applies nowhere here: it is
        // restated, neither omitted nor left out (no difference would show it).
        let written = if m.situation.is_some_and(|s| unhandled.contains(&s)) {
            account.keep(line)
        } else {
            account.line(line, m.id, !m.statutory, material_reasons(m))
        };
        // The forms are written when the line that links them is.
        if written.as_ref() == Some(&restated) {
            files.append(&mut forms);
        }
        match (written, split) {
            (Some(line), Some(omitted))
                if line == restated && m.situation.is_none() && !m.statutory =>
            {
                split = None;
                let others: Vec<&str> = item
                    .situations
                    .iter()
                    .map(|s| s.id)
                    .filter(|id| *id != omitted)
                    .chain(added)
                    .collect();
                let (head, tail) = line.split_at(line.find(',').unwrap_or(line.len() - 2));
                lines.push(format!("{head}, situations: [{}]{tail}", others.join(", ")));
                account.tally.omissions += 1;
                lines.push(format!(
                    "  - {{ref: {}, situations: [{omitted}], omitted: {}}}\n",
                    m.id,
                    more.pick(OMIT_IN_SITUATION)
                ));
            }
            (written, _) => lines.extend(written),
        }
    }
    if rng.chance(0.002) {
        lines.push(
            "  - {id: local-register, name: 本地信息登记表, form: original, copies: 1, medium: [paper], required: true, source: applicant}\n"
                .to_string(),
        );
        exceptions.push(format!(
            "  - field: materials\n    ref: local-register\n    reason: 本地统计调查需要登记申请人信息\n    \
             approval: {short}府函〔2026〕{}号\n    expires: 2099-12-31\n",
            10 + rng.below(90)
        ));
    }
    write_list(s, "materials", &lines);
    lines.clear();
    if !item.fees.is_empty() {
        for (id, _, amount) in &item.fees {
            let lower = if rng.chance(0.4) { amount / 2 } else { *amount };
            let restated = format!("  - {{ref: {id}, amount: {lower}}}\n");
            lines.extend(account.line(restated, id, true, OMIT_FEE));
        }
        write_list(s, "fees", &lines);
    }
    if !situations.is_empty() {
        write_list(s, "situations", &situations);
    }
    account.tally
}

fn department(region: &Region, domain: usize) -> (String, String) {
    let d = &DOMAINS[domain];
    let name = format!("{}{}", region.name, d.local);
    // One code per (region, department): the serial depends on both.
    let serial =
        mix((region.seq as u64) << 16 ^ d.local.len() as u64 ^ (d.local.as_bytes()[3] as u64) << 8)
            % 100_000_000;
    (name, credit_code(&region.code, serial))
}

fn common_head(
    s: &mut String,
    what: &str,
    region: &Region,
    item: &Item,
    level: &str,
    rng: &mut Rng,
) {
    let (dept, credit) = department(region, item.domain);
    let level_digit = if level == "province" { 2 } else { 3 };
    let _ = write!(
        s,
        "# 实施清单{what}：{region} {name}。\n# 合成基准数据（gen-catalog）：实施主体、时限和渠道按同类实施清单的常见写法生成。\n\
         department:\n  name: {dept}\n  credit_code: \"{credit}\"\n  nature: statutory_authority\nlevel: {level}\n\
         task_code: \"{credit}{level_digit}{code}\"\n",
        region = region.name,
        name = item.name,
        code = item.code,
    );
    if level == "city" && rng.chance(0.1) {
        s.push_str("power_source: delegated\n");
    } else {
        s.push_str("power_source: statutory\n");
    }
}

fn common_tail(s: &mut String, region: &Region, item: &Item, rng: &mut Rng, exceptions: &[String]) {
    let hall = format!("{}政务服务中心", region.name);
    let _ = write!(
        s,
        "service_points:\n  - address: {hall}{}楼{}号窗口\n    hours: {}\n",
        1 + rng.below(4),
        1 + rng.below(60),
        rng.pick(HOURS)
    );
    if rng.chance(0.3) {
        let _ = writeln!(
            s,
            "    traffic: 乘坐公交{}路、{}路至政务服务中心站下车",
            1 + rng.below(99),
            100 + rng.below(200)
        );
    }
    let _ = write!(
        s,
        "contact: {{phone: \"{}-{}\", complaint: \"12345\"",
        region.area_code,
        12_000_000 + rng.below(8_000_000)
    );
    if rng.chance(0.3) {
        let _ = write!(s, ", email: zwfw{}@example.invalid", region.code);
    }
    s.push_str("}\n");
    let _ = writeln!(
        s,
        "convenience: {{appointment: true, online_payment: {}, express: {}, hall: {hall}}}",
        !item.fees.is_empty() && rng.chance(0.7),
        rng.chance(0.6)
    );
    if region.city.is_some() && rng.chance(0.6) {
        s.push_str("towns:\n");
        let n = rng.range(1, 3);
        for k in rng.sample(30, n) {
            let _ = writeln!(
                s,
                "  - {{code: \"{}{:03}\", name: {}{}}}",
                region.code,
                k + 1,
                TOWN_FIRST[k % TOWN_FIRST.len()],
                TOWN_SUFFIX[k % TOWN_SUFFIX.len()]
            );
        }
    }
    s.push_str("faq:\n");
    let _ = write!(
        s,
        "  - question: 办理{}需要多长时间？\n    answer: 材料齐全、符合法定形式的，在承诺时限内办结；可以通过政务服务网查询办理进度。\n",
        item.name
    );
    if rng.chance(0.5) {
        s.push_str(
            "  - question: 可以委托他人代为办理吗？\n    answer: 可以。受托人须携带授权委托书和本人有效身份证件原件。\n",
        );
    }
    let court_city = if region.city.is_some() {
        region.name.clone()
    } else {
        format!("{}人民政府所在地", region.name)
    };
    let _ = writeln!(
        s,
        "redress: {{review: {}人民政府, litigation: {court_city}中级人民法院}}",
        region.name
    );
    if !exceptions.is_empty() {
        s.push_str("exceptions:\n");
        for e in exceptions {
            s.push_str(e);
        }
    }
    let _ = writeln!(s, "reviewed: {}", rng.reviewed());
}

/// A regional entry's file, what its lists wrote, and its attachments (paths relative to the
/// region's folder).
struct Entry {
    text: String,
    accounted: Accounted,
    files: Vec<(String, Vec<u8>)>,
}

fn province_entry(config: &Config, region: &Region, i: usize, item: &Item) -> Option<Entry> {
    let (plan, mut rng) = province_plan(config, region, i, item)?;
    let mut s = String::with_capacity(2600);
    let what = if item.province {
        "（省级）"
    } else {
        "（省级统一标准）"
    };
    common_head(&mut s, what, region, item, "province", &mut rng);
    if rng.chance(0.5) {
        let _ = writeln!(
            s,
            "implementation_basis:\n  - {{law: p{}-{}-regulation}}",
            PROVINCES[region.province].0, DOMAINS[item.domain].slug
        );
    }
    write_limit(&mut s, plan.days, item.unit);
    let mut exceptions = Vec::new();
    let mut accounted = Accounted::default();
    let mut files = Vec::new();
    if plan.standard {
        accounted = write_lines(
            &mut s,
            &mut rng,
            config,
            (region, i, item),
            &mut exceptions,
            &mut files,
        );
    }
    write_channels(&mut s, region, item, plan.channels);
    if rng.chance(0.3) {
        // A region may widen the national 通办 target, never narrow it without an exception
        // (schema/policy.yaml, `handle_area: {narrow: order}`): the widest is always allowed.
        // The pick stays, so that the rest of the generated catalog is as before.
        let _ = rng.pick(&["cross_city", "cross_province"]);
        let _ = writeln!(s, "handle_area: nationwide");
    }
    common_tail(&mut s, region, item, &mut rng, &exceptions);
    Some(Entry {
        text: s,
        accounted,
        files,
    })
}

fn city_entry(
    config: &Config,
    region: &Region,
    province: &Region,
    i: usize,
    item: &Item,
) -> Option<Entry> {
    if !item.city {
        return None;
    }
    let mut rng = Rng::new(config.seed, &[K_CITY, region.seq as u64, i as u64]);
    if !rng.chance(config.coverage) {
        return None;
    }
    let plan = province_plan(config, province, i, item).map(|(p, _)| p);
    let mut s = String::with_capacity(2000);
    common_head(&mut s, "（市级）", region, item, "city", &mut rng);
    if rng.chance(0.2) {
        let _ = writeln!(s, "co_departments: [{}政务服务数据管理局]", region.name);
    }
    let mut exceptions = Vec::new();
    let mut accounted = Accounted::default();
    let mut files = Vec::new();
    match &plan {
        Some(p) if p.standard => {
            // Inherit the regional standard; sometimes promise faster or offer more channels.
            if p.days > 1 && rng.chance(0.25) {
                write_limit(&mut s, rng.range(1, p.days as usize) as u32, item.unit);
            }
            if rng.chance(0.2) {
                let c = widen(&mut rng, p.channels);
                write_channels(&mut s, region, item, c);
            }
        }
        _ => {
            let days = match &plan {
                Some(p) if p.days == 0 => 0,
                Some(p) => rng.range(0, p.days as usize) as u32,
                None => committed_days(&mut rng, item.days),
            };
            write_limit(&mut s, days, item.unit);
            accounted = write_lines(
                &mut s,
                &mut rng,
                config,
                (region, i, item),
                &mut exceptions,
                &mut files,
            );
            let base = match &plan {
                Some(p) => p.channels,
                None => Channels {
                    mobile: false,
                    mail: false,
                    self_service: false,
                    online: None,
                    visits: 1,
                },
            };
            let c = widen(&mut rng, base);
            write_channels(&mut s, region, item, c);
        }
    }
    common_tail(&mut s, region, item, &mut rng, &exceptions);
    Some(Entry {
        text: s,
        accounted,
        files,
    })
}

fn local_item(config: &Config, region: &Region, k: usize) -> (String, String) {
    let mut rng = Rng::new(config.seed, &[K_LOCAL, region.seq as u64, k as u64]);
    let domain = rng.below(DOMAINS.len());
    let d = &DOMAINS[domain];
    let prefix = PROVINCES[region.province].0;
    let cc = &region.code[2..4];
    let code = format!("{prefix}{cc}20{:04}01", k + 1);
    let level = if region.city.is_some() {
        "city"
    } else {
        "province"
    };
    let name = format!(
        "{}{}",
        rng.pick(d.subjects),
        rng.pick(&["便民服务", "上门服务", "帮办代办", "容缺受理"])
    );
    let days = *rng.pick(&[5u32, 7, 10, 15]);
    let committed = if rng.chance(0.2) {
        0
    } else {
        rng.range(1, days as usize) as u32
    };
    let (dept, credit) = department(region, domain);
    let mut s = String::with_capacity(2600);
    let _ = write!(
        s,
        "# 地方事项：{rname} {name}（仅本地实施）。\n# 合成基准数据（gen-catalog）。\n\
         code: \"{code}\"\nname: {name}\ntype: public_service\naudience: [person]\nlevels: [{level}]\nstatus: active\nversion: 1\n\
         competent_department: {dept}\n\
         description: 为方便群众办事，{rname}在{name}中提供预约上门、容缺受理和结果邮寄服务。\n\
         legal_basis:\n  - {{law: p{prefix}-{slug}-rules}}\n\
         statutory_limit: {{days: {days}, unit: working_day, note: 自受理之日起}}\n\
         conditions:\n  - {{id: resident, text: 在本行政区域内居住或者经营}}\n\
         materials:\n  - id: id-card\n    name: 居民身份证\n    form: original\n    copies: 1\n    medium: [paper, electronic]\n    \
         required: true\n    source: issuing_authority\n    certificate: resident-id-card\n\
         \x20 - id: application-form\n    name: {name}申请表\n    form: original\n    copies: 1\n    medium: [paper, electronic]\n    \
         required: true\n    source: applicant\n\
         process:\n  - {{id: apply, name: 申请, text: 申请人通过政务服务网或者窗口提出申请}}\n  \
         - {{id: handle, name: 办理, text: 工作人员核实情况后办理}}\n\
         fees: []\nresult: {{type: other, name: {name}办理结果告知书}}\n\
         personal_data:\n  - {{field: 姓名和联系电话, purpose: 联系申请人, basis: personal-information-protection-law}}\n\
         topics: [{topic}]\n\
         department:\n  name: {dept}\n  credit_code: \"{credit}\"\n  nature: statutory_authority\nlevel: {level}\n",
        rname = region.name,
        slug = d.slug,
        topic = d.topic,
    );
    write_limit(&mut s, committed, "working_day");
    s.push_str("channels:\n  window: true\n  mobile: true\n  visits: 0\n");
    let _ = write!(
        s,
        "service_points: [{{address: {}政务服务中心综合窗口, hours: \"{}\"}}]\ncontact: {{phone: \"{}-{}\", complaint: \"12345\"}}\nreviewed: {}\n",
        region.name,
        rng.pick(HOURS),
        region.area_code,
        12_000_000 + rng.below(8_000_000),
        rng.reviewed()
    );
    (code, s)
}

fn event(config: &Config, k: usize, items: &[Item]) -> (String, String) {
    const STAGES: &[(&str, &str, &str)] = &[
        ("life", "出生", "新生儿出生"),
        ("life", "入学", "入学"),
        ("life", "就业", "就业创业"),
        ("life", "婚育", "婚育"),
        ("life", "退休", "退休"),
        ("business", "开办", "企业开办"),
        ("business", "准营", "准入准营"),
        ("business", "变更", "企业信息变更"),
        ("business", "注销", "企业注销"),
    ];
    let mut rng = Rng::new(config.seed, &[K_EVENT, k as u64]);
    let (kind, stage, name) = STAGES[k % STAGES.len()];
    let id = format!("{kind}-{:04}", k + 1);
    let n = rng.range(2, 5.min(items.len()));
    let members = rng.sample(items.len(), n);
    let lead = DOMAINS[items[members[0]].domain].central;
    let mut s = format!(
        "# 一件事：{name}“一件事”（第{n}组，合成基准数据）。\nid: {id}\nname: {name}“一件事”（第{n}组）\nkind: {kind}\nstage: {stage}\n\
         lead_department: {lead}\nmembers:\n",
        n = k + 1
    );
    for m in &members {
        let _ = writeln!(s, "  - \"{}\"   # {}", items[*m].code, items[*m].name);
    }
    let _ = write!(
        s,
        "committed_limit: {{days: {}, unit: working_day, note: 不含制证和邮寄时间}}\n\
         description: 申请人一次提交材料，联办上述事项；前一环节生成的电子证照由后续环节直接调用。\nreviewed: {}\n",
        5 + rng.below(10),
        rng.reviewed()
    );
    (id, s)
}

// ---------------------------------------------------------------------------------------------

#[derive(Default, Clone, Copy)]
struct Counts {
    files: u64,
    bytes: u64,
    entries: u64,
    /// Explicit omissions and silently left-out lines written in restated lists.
    omissions: u64,
    unaccounted: u64,
    /// Attachment files (stand-in forms) written, and their bytes.
    attachments: u64,
    attachment_bytes: u64,
}

impl std::ops::Add for Counts {
    type Output = Counts;
    fn add(self, o: Counts) -> Counts {
        Counts {
            files: self.files + o.files,
            bytes: self.bytes + o.bytes,
            entries: self.entries + o.entries,
            omissions: self.omissions + o.omissions,
            unaccounted: self.unaccounted + o.unaccounted,
            attachments: self.attachments + o.attachments,
            attachment_bytes: self.attachment_bytes + o.attachment_bytes,
        }
    }
}

/// Write attachments `files` (paths relative to `folder`, in a folder of their own).
fn attachments(folder: &Path, files: &[(String, Vec<u8>)]) -> Counts {
    let mut counts = Counts::default();
    for (rel, bytes) in files {
        let path = folder.join(rel);
        if let Some(parent) = path.parent()
            && let Err(e) = fs::create_dir_all(parent)
        {
            eprintln!("gen-catalog: cannot create {}: {e}", parent.display());
            std::process::exit(2);
        }
        if let Err(e) = fs::write(&path, bytes) {
            eprintln!("gen-catalog: cannot write {}: {e}", path.display());
            std::process::exit(2);
        }
        counts.files += 1;
        counts.bytes += bytes.len() as u64;
        counts.attachments += 1;
        counts.attachment_bytes += bytes.len() as u64;
    }
    counts
}

fn write(path: &Path, text: &str) -> Counts {
    if let Err(e) = fs::write(path, text) {
        eprintln!("gen-catalog: cannot write {}: {e}", path.display());
        std::process::exit(2);
    }
    Counts {
        files: 1,
        bytes: text.len() as u64,
        ..Counts::default()
    }
}

fn main() -> ExitCode {
    let config = match parse_args() {
        Ok(c) => c,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("gen-catalog: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    let root = config.out.join("catalog");
    if root.exists() {
        eprintln!("gen-catalog: {} exists; remove it first", root.display());
        return ExitCode::from(2);
    }
    let regions = regions(&config);
    let items = items(&config);
    let locals_per_region = (config.items / 100).max(1);
    let events = (config.items / 200).clamp(2, 50);

    let mkdir = |p: &Path| {
        if let Err(e) = fs::create_dir_all(p) {
            eprintln!("gen-catalog: cannot create {}: {e}", p.display());
            std::process::exit(2);
        }
    };
    for sub in ["national", "events", "registries"] {
        mkdir(&root.join(sub));
    }
    // The generated catalog is meant to be committed (benchmarks use `check --since`); catalogc's
    // cache and outputs are not part of it.
    if let Err(e) = fs::write(config.out.join(".gitignore"), ".catalogc-cache/\n/out/\n") {
        eprintln!("gen-catalog: cannot write .gitignore: {e}");
        std::process::exit(2);
    }
    for r in &regions {
        mkdir(&root.join("regions").join(&r.code).join("local"));
    }

    let mut counts = write(
        &root.join("catalog.yaml"),
        &format!(
            "# 目录设置：合成基准目录（gen-catalog --provinces {} --cities {} --items {} --coverage {} --seed {} \
             --omit-rate {} --unaccounted-rate {}）。\n\
             title: 政务服务事项基本目录及实施清单（合成基准数据）\nlanguage: zh-CN\nbase_url: https://example.invalid/\n\
             schema_version: 3\nreview_interval_days: 730\ncode_patterns:\n  national: \"^[0-9]{{11}}[0-9Y]$\"\n  \
             local: \"^[0-9]{{2}}[0-9A-Z]{{8,12}}$\"\npublisher: {{name: 国务院办公厅电子政务办公室（示例）, url: https://example.invalid/}}\n",
            config.provinces,
            config.cities,
            config.items,
            config.coverage,
            config.seed,
            config.omit_rate,
            config.unaccounted_rate
        ),
    );
    let (laws, certificates) = registries(&config);
    counts = counts + write(&root.join("registries/laws.yaml"), &laws);
    counts = counts + write(&root.join("registries/certificates.yaml"), &certificates);
    for r in &regions {
        let text = match r.city {
            None => format!(
                "# 区划：{}（GB/T 2260 代码 {}）。\ncode: \"{}\"\nname: {}\nlevel: province\n",
                r.name, r.code, r.code, r.name
            ),
            Some(_) => format!(
                "# 区划：{}（合成基准数据，代码 {}）。\ncode: \"{}\"\nname: {}\nlevel: city\nparent: \"{}0000\"\n",
                r.name, r.code, r.code, r.name, PROVINCES[r.province].0
            ),
        };
        counts = counts
            + write(
                &root.join("regions").join(&r.code).join("region.yaml"),
                &text,
            );
    }
    for k in 0..events {
        let (id, text) = event(&config, k, &items);
        counts = counts + write(&root.join("events").join(format!("{id}.yaml")), &text);
    }
    counts = counts
        + items
            .par_iter()
            .enumerate()
            .map(|(i, item)| {
                let mut rng = Rng::new(config.seed, &[K_ITEM, i as u64, 1]);
                let mut c = write(
                    &root.join("national").join(format!("{}.yaml", item.code)),
                    &national_yaml(item, &mut rng),
                );
                if item.blank_form {
                    let what = format!("item {}", item.code);
                    c = c + attachments(
                        &root.join("national"),
                        &[(format!("{}/{NATIONAL_FORM}", item.code), pdf(&what))],
                    );
                }
                c
            })
            .reduce(Counts::default, |a, b| a + b);
    let province_of: Vec<&Region> = regions
        .iter()
        .map(|r| {
            regions
                .iter()
                .find(|p| p.city.is_none() && p.province == r.province)
                .unwrap()
        })
        .collect();
    let locals = (0..regions.len() * locals_per_region)
        .into_par_iter()
        .map(|n| {
            let r = &regions[n / locals_per_region];
            let (code, text) = local_item(&config, r, n % locals_per_region);
            write(
                &root
                    .join("regions")
                    .join(&r.code)
                    .join("local")
                    .join(format!("{code}.yaml")),
                &text,
            )
        })
        .reduce(Counts::default, |a, b| a + b);
    counts = counts + locals;
    let entries = (0..regions.len() * items.len())
        .into_par_iter()
        .map(|n| {
            let r = &regions[n / items.len()];
            let i = n % items.len();
            let item = &items[i];
            let text = match r.city {
                None => province_entry(&config, r, i, item),
                Some(_) => city_entry(&config, r, province_of[r.seq], i, item),
            };
            match text {
                Some(entry) => {
                    let folder = root.join("regions").join(&r.code);
                    let mut c = write(&folder.join(format!("{}.yaml", item.code)), &entry.text);
                    c.entries = 1;
                    c.omissions = entry.accounted.omissions;
                    c.unaccounted = entry.accounted.unaccounted;
                    c + attachments(&folder, &entry.files)
                }
                None => Counts::default(),
            }
        })
        .reduce(Counts::default, |a, b| a + b);
    counts = counts + entries;
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "items {} regions {} entries {} local_items {} events {} files {} bytes {} entry_bytes_avg {:.0} seconds {:.2} omissions {} unaccounted {} situation_items {} attachments {}",
        items.len(),
        regions.len(),
        entries.entries,
        locals.files,
        events,
        counts.files,
        counts.bytes,
        (entries.bytes - entries.attachment_bytes) as f64
            / (entries.files - entries.attachments).max(1) as f64,
        elapsed,
        entries.omissions,
        entries.unaccounted,
        items.iter().filter(|i| !i.situations.is_empty()).count(),
        counts.attachments
    );
    ExitCode::SUCCESS
}
