# 事项规则（CAT1xx），以及文件名、编码规则两条（CAT011、CAT012、CAT021）。

## 共用片段
zero-visits = 跑动 0 次
problem-separator = ；

## CAT011 file-name（$what：file 文件，folder 文件夹）
cat011-message = { $key } `{ $value }` 与{ $what ->
    [folder] 文件夹名
   *[file] 文件名
} `{ $expected }` 不一致
cat011-label = { $what ->
    [folder] 文件夹名
   *[file] 文件名
}是 `{ $expected }`
cat011-help = 请把{ $what ->
    [folder] 文件夹
   *[file] 文件
}改名为 `{ $value }`，或改正 { $key }

## CAT012 code-pattern（$kind：national 全国，local 地方）
cat012-regex = 该编码规则不是有效的正则表达式：{ $error }
cat012-message = 编码 `{ $code }` 不符合{ $kind ->
    [local] 地方事项
   *[national] 全国事项
}的编码规则
cat012-label-example = 与本目录的{ $kind ->
    [local] 地方事项
   *[national] 全国事项
}编码形式不同，正确形式如 `{ $example }`
cat012-label = 与本目录的{ $kind ->
    [local] 地方事项
   *[national] 全国事项
}编码形式不同
cat012-help = 编码规则见 catalog/catalog.yaml 中的 `code_patterns.{ $kind }`

## CAT021 format-version
cat021-message = 本目录按第 { $version } 版格式编写；当前 catalogc 读取第 { $format } 版格式
cat021-label = 旧版格式
cat021-help = 请运行 `catalogc migrate`（或先用 `catalogc migrate --diff` 查看改动）

## CAT101 committed-limit
cat101-message = 承诺时限 { $committed } 超过了法定时限 { $statutory }
cat101-message-why = 承诺时限 { $committed } 超过了法定时限 { $statutory }（{ $why }）
cat101-why-working = { $days } 个工作日至少也要同样多的自然日
cat101-why-calendar = { $statutory }最多相当于 { $days } 个自然日
cat101-statutory = 法定时限为 { $statutory }
cat101-help = 承诺时限最多为 { $statutory }

## CAT102 limit-unit
cat102-message = 承诺时限 { $committed } 可能超过法定时限 { $statutory }，取决于周末和节假日
cat102-label = 不超过 { $bound } 才能保证在 { $statutory }以内
cat102-help = 承诺时限最多为 { $bound }，或使用法定时限的单位（最多 { $same_unit }）

## CAT103 handling
cat103-immediate = 即办件（`handling: immediate`）的承诺时限应为 0 天，而不是 { $days } 天
cat103-zero-days = 承诺时限为 0 天即为即办件，但 `handling` 写的不是即办件
cat103-help = 当且仅当 `committed_limit.days` 为 0 时，写 `handling: immediate`

## CAT104 fee-basis
cat104-message = 收费项目 `{ $name }` 收取费用，但没有写明收费依据
cat104-message-unnamed = 该收费项目收取费用，但没有写明收费依据
cat104-help = 请添加 `basis:`，写明允许收费的法规 id

## CAT105 visits
cat105-message = 到办事现场次数为 0，但没有网上办理、移动端办理或邮寄渠道
cat105-help = 请添加 `online: {"{"}url: …{"}"}`、`mobile: true` 或 `mail: true`，或如实填写跑动次数

## CAT106 insecure-url
cat106-message = 网上办理地址不是 https
cat106-label = 不是 https
cat106-help-fixed = 请改为 `{ $url }`
cat106-help = 请使用 https:// 开头的地址

## CAT107 credit-code
cat107-message = 统一社会信用代码 `{ $code }` 的校验位不符合 GB 32100
cat107-label = 按前 17 位，最后一位应为 `{ $expected }`
cat107-help = 请从统一社会信用代码登记信息中重新复制；很可能有一位输错了

## CAT108 duplicate-id
cat108-message = `{ $key }: { $id }` 在 `{ $list }` 中出现了两次
cat108-label = 第二次
cat108-first = 第一次
cat108-help = 每一行应有自己的 id

## CAT109 review
cat109-old = 最近一次核验在 { $age } 天前，超过了核验周期 { $interval } 天
cat109-old-help = 请与实施部门核对内容，并更新 `reviewed`
cat109-future = 核验日期 { $date } 在未来
cat109-future-help = 请填写内容实际核验的日期

## CAT110 personal-data（$missing："purpose"、"basis" 或 "purpose basis"）
cat110-message = 收集个人信息 `{ $field }`，但没有写明{ $missing ->
    [purpose] 收集目的
    [basis] 收集依据
   *[other] 收集目的和依据
}
cat110-help = 请在该行添加 `{ $missing ->
    [purpose] purpose
    [basis] basis
   *[other] purpose` 和 `basis
}`，或不再收集该信息

## CAT112 task-code
cat112-message = 实施编码 `{ $task_code }` 与本实施清单不符：{ $problems }
cat112-length = 共 { $length } 位，应为 { $expected } 位（统一社会信用代码 18 位、层级 1 位、事项编码 { $code } 位）
cat112-credit = 第 1–18 位是 `{ $written }`，而实施主体的统一社会信用代码是 `{ $credit }`
cat112-level = 第 19 位是 `{ $written }`，{ $level }应为 `{ $digit }`
cat112-code = 第 20–{ $end } 位是 `{ $written }`，而事项编码是 `{ $code }`
cat112-label = 应为 `{ $expected }`
cat112-credit-label = 实施主体的统一社会信用代码
cat112-help = 实施编码由实施主体的统一社会信用代码、层级代码和事项编码组成：请写 `task_code: "{ $expected }"`，或删除 `task_code`

## CAT113 waiver-without-certificate
cat113-message = 申请材料 { $name } 以电子证照免提交，但没有写明电子证照类型
cat113-label = 电子证照免提交，但没有 `certificate`
cat113-national = 全国标准中的这项材料没有写明电子证照类型
cat113-help = 请写明代替该材料的电子证照类型（`certificate: <id>`，取自 catalog/registries/certificates.yaml；全国标准的材料写在全国事项中），或改用其他免提交方式（`data_sharing`、`commitment`），或删除 `waived_by`

## CAT114 waiver-note
cat114-message = 申请材料 `{ $reference }` 已免提交，但仍沿用全国标准中为提交材料而写的备注“{ $note }”
cat114-label = 此处免提交
cat114-help = 请为免提交重写 `note`（办事指南对免提交的材料显示本地区的备注，不显示全国标准的备注），例如 `note: 以电子证照核验，无需提交`

## CAT115 illustrative-path（$holder：file 文件，exception 例外）
cat115-message = `{ $path }` 被标为示例值，但{ $holder ->
    [exception] 这条例外
   *[file] 本文件
}没有写这个值
cat115-label = 没有标到任何值
cat115-help = 请写本文件中写出的值（`statutory_limit`、`contact.phone`），或删除该路径；继承来的值在写出它的文件中标注

## CAT116 on-site-step
cat116-message = 承诺跑动 0 次，但办理流程中的环节 `{ $id }`（{ $name }，来自{ $from }）需要申请人到现场
cat116-from-own = 本实施清单自己的办理流程
cat116-from-national = 全国事项 { $item }
cat116-from-entry = { $file } 的实施清单
cat116-help = 请为本地区重写 `process`（说明该环节如何不到现场办理），或在 `visits` 中如实计入这次跑动
cat117-message = 定于 { $date } 施行的变更已经施行：{ $fields } 现在取自 `scheduled`
cat117-help = 请把变更后的值写进字段本身，并从 `scheduled` 中删去这一项
