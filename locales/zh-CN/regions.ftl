# 与全国标准的一致性（CAT203–CAT213），由比对（src/diff/mod.rs）发现。

## 共用片段
value-nothing = （无）
# 清单中的一行：申请材料 `photo`。
diff-line = { $field ->
    [conditions] 受理条件
    [materials] 申请材料
    [fees] 收费项目
    [situations] 办理情形
   *[other] { $field }
} `{ $key }`
diff-regional = 地方的值
diff-national-none = 全国标准没有这一行
diff-national-says = 全国标准为 { $value }
diff-national-this = 全国标准的规定
diff-help = 请符合全国标准，或记录经批准的例外：`exceptions: [{"{"}field: { $field }{ $line_ref }, reason: …, approval: …, expires: …{"}"}]`
exception-line = `{ $field }` 中的 `{ $line }` 行
diff-in-situations = （情形：{ $names }）
exception-field = `{ $field }`

## CAT203 fixed-field
cat203-message = `{ $field }` 与全国标准不一致，而该字段不得改动

## CAT204 added-requirement
cat204-message = { $line }（{ $name }）不在全国标准中

## CAT205 stricter-requirement
cat205-value = { $line } 为 { $regional }，而全国标准允许 { $national }
cat205-message = { $line }：`{ $kind }` 为 { $regional }，而全国标准为 { $national }

## CAT206 changed-text
cat206-message = { $line } 改写了全国标准的{ $kind ->
    [text] 文字
    [name] 名称
   *[other] { $kind }
}
cat206-help = 文字改动：{ $diff }；请沿用全国标准的表述，或以经批准的例外保留有理由的地方表述：`exceptions: [{"{"}field: { $field }{ $line_ref }, reason: …, approval: …, expires: …{"}"}]`

## CAT207 approved-deviation
cat207-message = 已批准的偏离：{ $message }（{ $approval } 批准，有效期至 { $expires }）
cat207-help = 理由：{ $reason }

## CAT208 expired-exception
cat208-message = 例外 `{ $approval }`（针对 { $what }）已于 { $expires } 到期：它批准的偏离现在未获批准
cat208-label = 已到期
cat208-help = 请续批并更新 `expires`，或使实施清单符合全国标准并删除该例外

## CAT209 unmatched-exception
cat209-message = 针对 { $what }的例外没有对应本实施清单的任何偏离
cat209-help = 请改正其 `field` 或 `ref`；如果偏离已不存在，就删除该例外

## CAT210 unaccounted-line
cat210-message = 继承来的清单中的{ $line } 既没有重述，也没有省略
cat210-label = 此处重新列出的清单
cat210-help = 请重述该行：`- {"{"}ref: { $key }{"}"}`，或写明理由省略：`- {"{"}ref: { $key }, omitted: 理由{"}"}`

## CAT212 omitted-requirement
cat212-condition = { $line } 是法定要求（不可免除，没有 `waivable`），却被省略了
cat212-situation = { $line } 被省略（本地不办理），而全国标准没有把它标为可不办理（`optional`）
cat212-message = { $line } 是法律规定必须提交的（`statutory: true`），却被省略了

## CAT213 exception-expiring
cat213-message = 例外 `{ $approval }` 将于 { $expires } 到期，还有 { $left } 天
cat213-label = 即将到期
cat213-help = 请在到期前续批并更新 `expires`，或计划改为符合全国标准
