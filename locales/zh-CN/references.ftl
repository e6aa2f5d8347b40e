# 区划与引用（CAT2xx 中的层级规则，CAT3xx）。

## 共用片段
region-named = `{ $code }`（{ $name }）
region-code = `{ $code }`
region-level = 该区划的层级
region-code-label = 该区划的代码

## CAT201 level-not-delivering
cat201-message = { $name }（{ $region }）是{ $level }区划，低于事项 { $item } 的所有实施层级
cat201-label = 事项在这些层级实施
cat201-help = 请删除该实施清单，或请国家层面扩展事项的 `levels`

## CAT202 entry-level
cat202-message = 实施清单的层级 `{ $level }` 与区划的层级 `{ $region_level }` 不一致
cat202-help = 请写 `level: { $region_level }`

## CAT211 omission-reason
cat211-message = `{ $line }` 被省略，但没有写明理由
cat211-label = 没有理由
cat211-help = 请写明本地区不再要求它的理由：`omitted: 理由`

## CAT214 standard-version
cat214-behind = 全国事项 { $item } 已是第 { $current } 版；本实施清单是对照第 { $recorded } 版核验的
cat214-ahead = 本实施清单记录的是全国事项 { $item } 的第 { $recorded } 版，而该事项目前是第 { $current } 版
cat214-label = 第 { $recorded } 版
cat214-help = 请对照全国标准第 { $current } 版核验本实施清单，再写 `standard_version: { $current }`

## CAT301 unknown-item
cat301-message = 不存在全国事项 `{ $code }`，本实施清单无从实施
cat301-help-near = 是否应为 `{ $near }`？请给文件改名
cat301-help = 请添加 catalog/national/{ $code }.yaml，或把本地区独有的事项移到 local/

## CAT302 unknown-ref
cat302-message = 全国事项 { $code } 的 `{ $list }` 中没有 `{ $reference }` 这一行
cat302-label = 已有的 id：{ $ids }
cat302-label-none = 已有的 id：无
cat302-help = 请使用全国标准中的 id；如要新增一行，去掉 `ref`（新增属于偏离，需要例外批准）

## CAT303 unknown-law
cat303-message = 法规 `{ $id }` 不在法规库中
cat303-help = 请把它添加到 catalog/registries/laws.yaml，或改正 id
cat303-replacement-help = 请把替代它的法规添加到法规库，或改正 id

## CAT304 unknown-certificate
cat304-message = 电子证照类型 `{ $id }` 不在电子证照库中
cat304-help = 请把它添加到 catalog/registries/certificates.yaml，或改正 id

## CAT305 unknown-member
cat305-message = 一件事的事项 `{ $code }` 不是全国事项
cat305-help = 请使用 catalog/national/ 中事项的编码
cat305-message-local = 一件事的事项 `{ $code }` 既不是全国事项，也不是 { $region } 的地方事项
cat305-help-local = 请使用 catalog/national/ 或 catalog/regions/{ $region }/local/ 中事项的编码

## CAT306 unknown-parent
cat306-message = 上级区划 `{ $parent }` 不存在
cat306-help = 请添加 catalog/regions/{ $parent }/region.yaml，或改正代码

## CAT307 parent-level
cat307-message = 上级区划 `{ $parent }` 是{ $parent_level }区划，并不高于本区划（{ $level }）
cat307-label = 上级区划的层级
cat307-help = 区划的上级必须处于更高的层级

## CAT308 region-code
cat308-shape-province = XX0000
cat308-shape-city = XXXX00，中间两位不是 00
cat308-shape-county = XXXXXX，末两位不是 00
cat308-shape = 区划代码 `{ $code }` 是{ $shape }代码的形式（{ $pattern }），但该区划是{ $level }
cat308-shape-help = { $level }区划的 GB/T 2260 代码形如 { $pattern }：请改正代码（及文件夹名）或层级
cat308-parent = 区划代码 `{ $code }` 不在上级区划 `{ $parent }`（{ $name }）之下：{ $parent_level }区划下的区划代码以其前 { $length } 位 `{ $prefix }` 开头
cat308-parent-label = 上级区划的代码
cat308-parent-help = 请按 GB/T 2260 改正 `parent`，或本区划的代码（及文件夹名）

## CAT309 credit-code-region
cat309-message = 统一社会信用代码 `{ $code }` 登记在区划 { $registered }，既不是本实施清单的区划 { $region }，也不是其上级区划
cat309-label = 第 3–8 位：登记在 `{ $registered }`
cat309-region = 本实施清单的区划
cat309-help = 请从统一社会信用代码登记信息中改正：登记在本区划、上级区划（省级部门可以服务地市）或中央（`100000`）的部门均可；如果确由其他地区的部门在此实施，请在 `entrusting_department` 或 `co_departments` 中写明该部门，并填写实施主体自己的代码（`exceptions` 不适用：它批准的是对全国标准的偏离）

## CAT310 local-code-region（$whose：city 地市，province 省）
cat310-message = 地方事项编码 `{ $code }` 不以 `{ $prefix }` 开头：{ $name } `{ $region }`（{ $level }）的地方事项以{ $whose ->
    [city] 本市代码的前 4 位
   *[province] 所在省代码的前 2 位
}开头
cat310-help = 请从 `{ $prefix }` 开始编号（地市的地方事项以本市代码前 4 位开头，其他区划以所在省代码前 2 位开头），并按新编码给文件改名

## CAT311 duplicate-region-name
cat311-message = 区划名称 `{ $name }` 也是区划 { $others } 的名称
cat311-label = `{ $code }` 也用这个名称
cat311-help = 每个区划应使用自己的 GB/T 2260 名称；从其他区划复制来的文件夹也要修改 `name`

## CAT312 local-item-level
cat312-message = { $name }（{ $level }）的地方事项 { $code } 不在{ $level }实施
cat312-help = 请把 `{ $level }` 加入 `levels`，或把事项移到实施它的区划的文件夹中

## CAT313 event-size
cat313-message = 地方的一件事列出了 { $count } 个事项，应为 3 至 9 个
cat313-help = 请组合 3 至 9 个事项，或拆分这件事

# CAT314 repealed-law
cat314-message = 引用的{ $title }（`{ $id }`）已于 { $date } 废止
cat314-message-future = 引用的{ $title }（`{ $id }`）将于 { $date } 废止
cat314-help-replaced = 请改为引用替代它的{ $title }（`{ $id }`），并对照新法规核验本事项
cat314-help = 请引用现行有效的法规；如果没有替代法规，须由国家层面重新审查本事项的设定依据

# CAT315 law-amended
cat315-message = { $title }（`{ $id }`）于 { $date } 修正，晚于本文件的最近核验日期
cat315-help = 请对照修正后的条文核实本文件的内容，再把 `reviewed` 改为核实的日期

## CAT316 unknown-situation
cat316-message = `{ $list }` 中这一行的 `situations` 写了 `{ $id }`，它不是本事项的办理情形
cat316-label = 已有的情形：{ $ids }
cat316-label-none = 本事项没有办理情形
cat316-help = 是否应为 `{ $id }`？
cat316-help-none = 请写全国事项的情形，或本地在自己的 `situations` 中新增的情形

## CAT317 overlapping-restatement
cat317-message = `{ $list }` 中 `ref: { $reference }` 针对同一情形写了两次：{ $situations }
cat317-label = 第二行
cat317-first = 针对这一情形的第一行
cat317-help = 同一 `ref` 的各行请写互不重叠的情形（`situations: [...]`），或合并为一行

## CAT318 deferred-proof
cat318-message = 材料 `{ $id }` 用来证明情形“{ $situation }”，却被设为容缺受理（`deferrable`）
cat318-label = 此处设为容缺
cat318-help = 证明情形的材料须在受理时核验：请去掉这里的 `deferrable`，或把这一行限定在它不证明的情形

## CAT319 waived-deferrable
cat319-message = 材料 `{ $id }` 已免提交（`waived_by: { $waived_by }`），又被设为容缺受理（`deferrable`）
cat319-help = 免提交的材料根本不用提交；`waived_by` 与 `deferrable` 只保留一个
