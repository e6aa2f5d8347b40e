# 命令报告中的文字：文本报告的各行、标准错误输出上的提示。

## check 的文本格式
report-explain = 详见 `catalogc explain { $code }`
report-acknowledged = （另有 { $count } 条已确认）
report-fix = 修复：{ $description }（{ $how }）
report-fix-safe = `catalogc check --fix` 会自动应用
report-fix-decision = --fix 不会应用：须由编辑决定
report-in = 位置：{ $location }
report-escapes = 本次修改新增的例外和省略，供国家层面审核（{ $count } 处）：
report-clean = 已检查 { $files } 个文件：没有发现问题
report-summary = 已检查 { $files } 个文件：{ $errors } 个错误，{ $warnings } 个警告

## check --since：标准错误输出上的提示
report-since = --since { $rev }：目录根下有 { $count } 个文件已修改
report-since-range = 仅检查该范围内各提交的修改：不查找未提交的修改
report-checked-of = 已检查 { $total } 个目录文件中的 { $checked } 个
since-reason = { $path } 已修改：{ $why }（{ $count } 个文件）
since-everything = 所有文件都依赖它
since-item = 该事项、其各地实施清单及相关的一件事
since-region = 该区划及其下级共 { $count } 个区划的全部文件
since-entry = 该实施清单，以及下级区划中同一事项的实施清单
since-local = 该地方事项及所在区划的一件事
since-itself = 仅该文件本身

## build
report-build-errors = 错误：目录中有 { $errors } 个错误；没有写出任何文件
report-build-wrote = 已写出 { $files } 个文件（{ $kib } KiB，其中 { $unchanged } 个未变、没有重写，{ $reused } 个没有重新生成）到 { $out }，用时 { $ms } 毫秒；请打开 { $index }
report-build-warnings = 目录中有 { $warnings } 个警告：运行 `catalogc check` 查看
report-no-git = 提示：{ $root } 不在 git 仓库中，因此不生成 Atom 订阅

## migrate
report-migrate-nothing = 本目录已按第 { $format } 版格式编写；无需迁移
report-migrated = 已从第 { $from } 版格式迁移到第 { $to } 版：改写了 { $files } 个文件；请运行 `catalogc check`，并按其要求写明理由（CAT211）
migrate-omitted = { $field }：{ $lines } 已标为省略（理由待填写）
migrate-service-point = 办理地点、办理时间和交通指引已移入一个办理窗口（service_points）
migrate-by-hand = { $field }：无法自动改写；请手工添加 { $lines }

## diff --format text
diff-score = 得分 { $pct }%（适用 { $applicable } 项：已实施 { $implemented } 项——符合 { $conforming }、已批准 { $approved }、待定 { $uncertain }、偏离 { $deviating }；缺失 { $missing }）
diff-no-score = 没有适用的事项（无得分）
# 一致性分类。
class = { $class ->
    [same] 相同
    [local] 地方事项
    [improved] 改进
    [approved] 已批准
    [uncertain] 待定
    [deviation] 偏离
    [missing] 缺失
    [extra] 多出
   *[other] { $class }
}
diff-count = { $class } { $count }
diff-entries = 实施清单：{ $counts }
diff-inherited = ，继承自 { $at }
diff-stated = ，{ $at }
diff-extra = 多出（地方事项）
diff-across = { $code } { $name } 各地区对比
diff-national-column = 全国标准：{ $count } 项材料：{ $materials }；法定时限 { $limit }；收费 { $fees }
diff-region-column = { $name }（{ $region }）：{ $count } 项材料：{ $materials }；承诺时限 { $limit }；收费 { $fees }；{ $class }
diff-situation = 情形 { $name }（{ $id }）
diff-situation-added = 情形 { $name }（{ $id }，地方新增）
diff-situation-count = { $required } 项必要材料（另有 { $optional } 项非必要或容缺）：{ $materials }
diff-situation-optional = ；非必要或容缺：{ $materials }
diff-situation-differs = ；与全国标准不同：{ $lines }
diff-situation-national = 全国标准：{ $cell }
diff-situation-region = { $name }（{ $region }）：{ $cell }
diff-situation-not-handled = 本地不办理

## check --format markdown
markdown-counts = 共 { $files } 个文件：{ $errors } 个错误，{ $warnings } 个警告
markdown-header = | | 代码 | 文件 | 问题 |
severity = { $severity ->
    [error] 错误
   *[warning] 警告
}
markdown-escapes = 供国家层面审核的例外和省略（{ $count } 处）
markdown-no-escapes = 本次修改没有新增例外，也没有新增省略。

## CAT214 的帮助：全国事项自所记录版本以来的变化（取自 git）
versions-since = 自第 { $version } 版（提交 { $commit }）以来：{ $said }
versions-unchanged = 内容没有变化
versions-lines = { $verb ->
    [added] 新增
    [removed] 删除
   *[changed] 修改
} { $ids }
versions-list = { $label }：{ $parts }
versions-field = { $label }有变化

## check --format github
github-help = 帮助：{ $help }
github-escape = catalogc 例外与省略
github-hidden = 另有 { $hidden } 个问题没有作为注释显示（GitHub 每步最多显示 { $limit } 个错误和 { $limit } 个警告）；运行 `catalogc check` 查看全部
diff-region = { $name }（{ $code }，{ $level ->
    [national] 国家级
    [province] 省级
    [city] 市级
    [county] 县级
    [township] 乡镇级
    [village] 村级
   *[other] { $level }
}）

## 文本报告中的级别名称
level-error = 错误
level-warning = 警告
level-help = 帮助
level-note = 提示

## Why a command could not run (exit status 2)
cli-error = 错误：{ $message }
cli-error-did-you-mean = ；是否应为 { $near }？
cli-error-none-exist = （目录中没有）
cli-error-no-root = 在 { $dir } 及其上级目录中找不到目录根（含有 catalog/catalog.yaml 的文件夹）
cli-error-unknown-code = 没有代码为 `{ $code }` 的规则；`catalogc rules` 列出全部规则
cli-error-bad-date = `{ $date }` 不是 YYYY-MM-DD 格式的日期
cli-error-unknown-region = `--region { $region }` 在 catalog/regions/ 中没有对应的区划文件夹
cli-error-unknown-item = `--item { $item }` 在 catalog/national/ 中没有对应的全国事项
cli-error-not-a-repository = { $root } 不在 git 仓库中，无法读取历史
cli-error-git = git 无法回答
cli-error-range-not-at-head = `{ $range }` 的终点不是 HEAD：check --since 读取工作区中的文件，因此范围须以当前检出的提交结束（`A..HEAD`）
cli-error-templates = 模板无法使用
cli-error-migrate = 无法改写目录文件
cli-error-man = 无法写出手册页或补全脚本
cli-error-write = 无法写出修复或基线
cli-error-build = 生成失败，原有的输出没有改动
cli-error-merge = 无法合并分片：{ $error }
cli-error-author = { $error }；没有写入任何文件
cli-error-lsp = 语言服务器已停止：{ $error }
cli-error-serve-bind = 无法在 127.0.0.1:{ $port } 上监听
cli-error-serve-watch = 无法监视目录文件的变化

## merge: why shards cannot be joined (exit status 2)
cli-error-cause = 原因：{ $cause }
merge-usage-no-shard = merge 至少需要一个分片
merge-usage-site-output = --kind site 需要输出文件夹：-o OUT
merge-usage-site = --kind site 合并的是生成输出的文件夹
merge-usage-report-not-shard = merge 写出的是报告而不是分片：请选用其他 --format
merge-usage-conformance-format = merge --kind conformance 写出与 `diff --format json` 相同的报告：请去掉 --format
merge-usage-check-shard = --format shard 需要 --region（分片的一个省），且不能与 --since、--whole-catalog 或 --write-baseline 同用
merge-usage-diff-shard = --format shard 需要 --region（分片的一个省），且不能与 --item 或 --whole-catalog 同用
merge-read = 无法读取分片 { $path }：{ $error }
merge-not-a-shard = { $path } 不是 catalogc 分片（格式版本 { $version }）：{ $error }
merge-other-version = 格式版本为 { $version }
merge-kind = { $path } 是 { $found } 分片，不是 { $expected } 分片（--kind { $expected }）
merge-differs = 分片的{ $what }不同：{ $first } 为 { $a }，{ $other } 为 { $b }；所有分片须在同一目录上运行
merge-what-catalogc = catalogc 版本
merge-what-commit = 提交
merge-what-standard = 目录或标准（模式、政策、全国文件）
merge-what-as-of = 基准日期
merge-what-lang = 语言
merge-what-units = 省份列表
merge-no-commit = 无提交
merge-overlap = 省份 { $unit } 同时在两个分片中：{ $first } 和 { $other }
merge-missing = 没有分片覆盖省份 { $units }{ $more }：请为每个省运行 `check --region P --format shard`（或 `diff`）
merge-missing-more = 等另外 { $count } 个
merge-national = { $first } 与 { $other } 的全国文件不一致：它们不是在同一目录上运行的
merge-write = 无法写入 { $path }：{ $error }
merge-site-not-a-shard = { $shard } 不是生成分片：{ $why }
merge-site-version = shard.json 的版本为 { $version }，本 catalogc 读取版本 { $expected }
merge-site-overlap = 区划 { $region } 同时在两个分片中：{ $first } 和 { $second }
merge-site-other-catalog = { $shard } 是由不同的全国文件、模式、模板、基准日期或 catalogc 版本生成的
merge-site-feeds = { $shard } 与第一个分片一个生成了订阅、一个没有
merge-site-missing = 没有分片包含区划 { $region }
merge-site-conflict = { $first } 与 { $second } 在 { $path } 处的文件不同：它们不是由同一目录生成的

## init and new
author-exists = { $path } 已存在；catalogc 不会覆盖它
author-cannot-write = 无法写入 { $path }：{ $error }
author-already-a-root = { $root } 已经是目录根：--national 只用于新建目录
author-settings-by-hand = 无法把模式关联写入 { $file }：{ $why }；请手工加入：
    "yaml.schemas": { $lines }
author-empty-title = --title 为空
author-no-national = --national { $dir }：那里没有目录（须是含有 catalog/catalog.yaml 和 catalog/national/ 的文件夹）
author-bad-region-code = `{ $code }` 不是 6 位 GB/T 2260 行政区划代码；其他代码请用 --level 指明层级
author-empty-name = --name 为空
author-no-such-parent = 上级区划 { $parent } 不存在（没有 catalog/regions/{ $parent }/region.yaml）；请先用 `catalogc new region { $parent } --name …` 创建
author-no-parent = { $code } 没有上级区划：所属的市和省都不存在；请先创建，或用 --parent 指明
author-no-region = 没有区划 { $region }（catalog/regions/{ $region }/region.yaml 不存在或有错误：请运行 `catalogc check`）
author-no-item = 没有全国事项 { $item }（catalog/national/{ $item }.yaml 不存在或有错误）
author-retired-item = 全国事项 { $item } { $name } 已取消：各地不再实施
author-national-code = { $code } 是全国事项的编码：请用 `catalogc new entry --region { $region } --item { $code }` 编写本区划的实施清单
report-build-units-kept = { $units } 个省级单元中有 { $kept } 个自上次构建以来没有变化，直接取自上次构建，没有重新编译
report-build-regions-kept = 重新编译的省级单元共有 { $regions } 个地区，其中 { $kept } 个没有变化，其摘要和一致性报告中的部分直接取自上次构建
