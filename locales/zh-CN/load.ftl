# 读取与格式校验的问题（CAT0xx）。占位符写作 { $name }，请保留，只翻译其周围的文字。
# 字面的花括号写作 {"{"} 和 {"}"}。

## 共用片段

the-document = 本文件
# 字段：键名及模式（schema）给出的中文标题。
field-labelled = `{ $property }`（{ $label }）
field = `{ $property }`
list-separator = 、
# 模式要求的取值类型，如“应为字符串”。
type-name = { $kind ->
    [array] 列表
    [boolean] 布尔值（true 或 false）
    [integer] 整数
    [null] 空值
    [number] 数字
    [object] 映射（键: 值）
   *[string] 字符串
}
type-either = { $first }或{ $second }
# 从 YAML 读到的值是什么。
value-null = 空值（什么也没写）
value-boolean = 布尔值（{ $value }）
value-integer = 整数（{ $value }）
value-number = 数字（{ $value }）
value-string = 字符串（{ $value }）
value-list = 列表
value-mapping = 映射（键: 值）
limit-help = 如果文件确实需要这么大，请在 catalog/catalog.yaml 中调高 `limits: {"{"}{ $limit }: …{"}"}`

## CAT001 yaml-syntax
cat001-help = 此处之后的内容没有读取；请先改正 YAML 语法

## CAT002 duplicate-key
cat002-message = 键 `{ $key }` 重复
cat002-label = 第二次出现
cat002-first = 第一次出现，采用此处的值
cat002-help = 同一映射中一个键只能出现一次；请删除其中一个

## CAT003 unknown-key
cat003-message = 未知的键 `{ $key }`
cat003-label = 目录格式在此处没有这个键
cat003-help-near = 是否应为 `{ $near }`？
cat003-help-choices = 是否应为 { $choices } 之一？
cat003-help = 请删除；`catalogc explain CAT003` 说明各个键在哪里定义

## CAT004 wrong-type
cat004-message = { $what } 应为{ $expected }，实际是{ $found }
cat004-label = 这里是{ $found }
cat004-help = { $first ->
    [string] 此处应写文字；可能被读成其他类型的值请加引号：`{ $key }: "…"`
    [integer] 请写不带引号的整数，如 `{ $key }: 3`
    [number] 请写不带引号的数字，如 `{ $key }: 1.5`
    [boolean] 请写 `{ $key }: true` 或 `{ $key }: false`
    [array] 请写成列表：`{ $key }: [a, b]`，或在 `{ $key }:` 下每个元素一行 `- …`
    [object] 请写成映射：在 `{ $key }:` 下缩进写出各个键
   *[other] `{ $key }` 应写什么，见 docs/format.md
}
cat004-model = 文件通过了模式校验，但不符合 catalogc 的数据模型：{ $error }
cat004-model-help = 目录自带的 schema/ 比内置模式宽松；请与内置模式保持一致

## CAT005 missing-key
cat005-message = { $inside } 缺少必填的键 { $name }
cat005-help = 请添加 `{ $property }:`

## CAT006 invalid-value
cat006-label = 此处不允许这个值
cat006-pattern = { $what }：{ $value } 的格式不对
cat006-format = { $what }：{ $value } 不是有效的{ $format ->
    [date] 日期
    [email] 电子邮箱地址
    [uri] 网址
    [regex] 正则表达式
   *[other] { $format }
}
cat006-format-help = { $format ->
    [date] 请写真实存在的日期，格式为 YYYY-MM-DD，如 2025-09-15（月份 01–12，日期不超过当月天数）
    [email] 请写电子邮箱地址，如 zwfw@example.gov.cn
    [uri] 请写完整网址，如 https://zwfw.example.gov.cn/guide
    [regex] 请写正则表达式（ECMA 262），如 ^[0-9]{"{"}12{"}"}$
   *[other] 请写 { $format } 格式的值
}
cat006-enum = { $what }：{ $value } 不是允许的取值，可选：{ $allowed }
cat006-enum-meant = 请写 `{ $value }`：目录格式中“{ $label }”写作 `{ $value }`
cat006-enum-help = 请从以下取值中选择一个：{ $allowed }
enum-value-labelled = `{ $value }`（{ $label }）
enum-value = `{ $value }`
cat006-minimum = { $what }：{ $value } 小于最小值 { $limit }
cat006-minimum-help = 请写不小于 { $limit } 的值
cat006-exclusive-minimum = { $what }：{ $value } 应大于 { $limit }
cat006-exclusive-minimum-help = 请写大于 { $limit } 的值
cat006-maximum = { $what }：{ $value } 超过最大值 { $limit }
cat006-maximum-help = 请写不大于 { $limit } 的值
cat006-empty = { $what } 为空
cat006-empty-help = 请填写内容；如果该键可以不写，就删除它
cat006-too-long = { $what } 超过 { $limit } 个字符
cat006-too-long-help = 请缩短到 { $limit } 个字符以内
cat006-min-items = { $what } 少于 { $limit } 项
cat006-min-items-help = 请至少列出 { $limit } 项；如果该键可以不写，就删除它
cat006-max-items = { $what } 多于 { $limit } 项
cat006-max-items-help = 最多列出 { $limit } 项
cat006-unique = { $what } 中有重复的值
cat006-unique-help = 请删除重复的值
cat006-const = { $what }：此处不允许 { $value }，只能是 { $expected }
cat006-const-help = 请写 { $expected }，或删除这个键
cat006-other = { $what }：此处不允许 { $value }
cat006-other-help = 该字段可写的值见 docs/format.md

## 模式中每个 `pattern` 要求的写法，以其 `$defs` 名称（或属性名）为键。
## 这里没有的 pattern 使用 pattern-other。
pattern-other = 该字段的写法见 docs/format.md
pattern-id = 标识由小写字母、数字和连字符组成，以字母或数字开头，如 `id-card`
pattern-field_name = 字段名用小写字母和下划线，嵌套字段以点分隔，如 `channels.visits`
pattern-illustrative = 请列出字段名：顶层字段名，或“字段.下一级字段”，如 `contact.phone`
pattern-code = 事项编码为 6–20 位数字或大写字母，须加引号，如 "000120010000"
pattern-implementation_code = 实施编码为 6–50 位数字或大写字母，须加引号，如 "11440300007542417R000120010000Y0001"
pattern-region_code = 行政区划代码（GB/T 2260）为 6 位数字，须加引号，如 "440300"
pattern-town_code = 乡镇街道代码为 9 位或 12 位数字，须加引号，如 "440305001"
pattern-credit_code = 统一社会信用代码为 18 位数字或大写字母（不含 I、O、Z、S、V），须加引号，如 "11440300007542417R"
pattern-phone = 电话号码须加引号：区号-号码，如 "0755-12345678"（分机写作 "-123"）；手机号，如 "13800138000"；400/800 热线，如 "400-123-4567"；或短号，如 "12345"
pattern-https_url = 请写以 https:// 开头的网址，如 https://zwfw.example.gov.cn/guide
pattern-url = 请写以 http:// 或 https:// 开头的网址，如 https://zwfw.example.gov.cn/guide
pattern-language = 请写语言标签，如 zh-CN 或 en

## CAT007 unquoted-code
cat007-message = { $what } 是数字而不是字符串：YAML 把 `{ $written }` 读成了 { $read }
cat007-label = 没有加引号
cat007-help = 请加引号：`{ $key }: "{ $written }"`

## CAT008 unknown-file
cat008-message = 文件不在目录格式规定的位置，已忽略
cat008-help = 目录结构见 docs/format.md：national/、events/、registries/、regions/<区划>/（local/、events/）
cat008-folder = 文件夹的名字像目录文件，不会读取
cat008-folder-help = 请给文件夹改名；目录文件必须是普通文件
cat008-symlink = 符号链接不会被读取
cat008-symlink-help = 目录文件必须是目录根下的普通文件
cat008-special = 不是普通文件，不会读取
cat008-special-help = 目录文件必须是普通文件

## CAT010 unreadable-file
cat010-folder = 无法读取此文件夹：{ $error }
cat010-file = 无法读取此文件：{ $error }
cat010-utf8 = 文件不是有效的 UTF-8 编码
cat010-utf8-help = 请以 UTF-8 编码保存文件

## CAT013 file-size
cat013-message = 文件大小为 { $size } 字节，超过上限 { $limit } 字节，没有读取
cat013-help = 请拆分文件，或在 catalog/catalog.yaml 中调高 `limits: {"{"}max_file_bytes: …{"}"}`

## CAT014 empty-file
cat014-message = 文件中没有 YAML 内容：是空文件或只有注释
cat014-help = 请写入文件内容，或删除该文件

## CAT015–CAT017：解析的上限
cat015-message = 文件中映射和列表的嵌套超过 { $limit } 层
cat016-message = 文件经别名展开后超过 { $limit } 个 YAML 节点
cat017-message = 字符串超过 { $limit } 个字符的上限

## CAT018 file-count
cat018-message = 目录中的文件超过 { $limit } 个；其余文件没有读取
cat018-help = 请在 catalog/catalog.yaml 中调高 `limits: {"{"}max_files: …{"}"}`

## CAT019 control-character
cat019-message = 文本中有控制字符 { $character }
cat019-help = 请删除它；换行直接写成 YAML 换行，其他字符直接写出字符本身

## CAT020 yml-extension
cat020-message = `.yml` 文件不会被读取：目录文件以 `.yaml` 结尾
cat020-help = 请改名为 { $stem }.yaml

## CAT111 stale-review（check --since 报告）
cat111-message = 内容已修改，但 `reviewed` 仍是 { $reviewed }
cat111-label = 没有更新
cat111-help = 请核验修改后的内容，并把 `reviewed` 改为核验的日期

## Editor mistakes: YAML syntax in editor terms (CAT001), full-width slips (CAT022), the fixes of
## unknown keys and unquoted codes (CAT003, CAT007), acknowledgements and the baseline (CAT023–CAT026)
cat022-pair = 配对的另一半
cat001-fix-dedent = 删去 { $extra } 个空格，与第 { $n } 行对齐
cat001-over-indented = 缩进过深：这一行比第 { $n } 行多缩进了 { $extra } 格，被当成了上一行值的续行
cat001-over-indented-help = 与第 { $n } 行的键对齐（删去 { $extra } 个空格），或把它移到所属的键下面
cat001-colon-in-value = 这里不能有冒号：值里含有“: ”（冒号加空格）
cat001-colon-in-value-help = 给整个值加上引号，例如 `key: "a: b"`
cat001-indentation = 缩进不一致：第 { $n } 行的缩进与同一层的其他行不同
cat001-indentation-help = 同一层的键左端对齐，子项比父键多缩进 2 个空格
cat001-missing-colon = 第 { $n } 行缺少冒号：键后面要有半角冒号和空格（`key: value`）
cat001-missing-colon-help = 在键后面加上 `: `；如果这一行是上一项的续行，请把它和上一行合并
cat001-unclosed-quote = 引号没有闭合：这个引号开始的字符串没有结束
cat001-unclosed-quote-help = 在值的末尾补上同样的半角引号 `"`
cat001-unclosed-bracket = 括号没有闭合：这里的 `{ $c }` 缺少对应的 `{ $close }`
cat001-unclosed-bracket-help = 在这一项的末尾补上 `{ $close }`（各项之间用半角逗号分隔）
cat001-tab = 缩进里有制表符（Tab）：YAML 只能用空格缩进
cat001-tab-help = 把 Tab 换成空格（子项比父键多 2 个空格）
cat001-unmatched-bracket = 方括号或花括号没有配对：列表 `[...]`、映射 `{"{"}...{"}"}` 要成对出现，各项之间用半角逗号分隔
cat001-unmatched-bracket-help = 补上缺少的 `]` 或 `{"}"}`，或删去多余的
cat001-help-rest = 这一处之后的内容没有读取；请先修正 YAML 语法
cat003-fix-rename = 把键 `{ $key }` 改为 `{ $only }`
cat003-label-belongs = `{ $key }` 属于 `{ $home }`{ $label }
cat003-help-indent = `{ $key }` 是 `{ $home }` 下的键：把它缩进到 `{ $home }:` 下面（比 `{ $home }` 多 2 个空格）
cat003-help-move = `{ $key }` 是 `{ $home }` 下的键，不能写在这里：把它移到 `{ $home }:` 下面
cat007-fix-quote = 给 `{ $written }` 加上引号
cat003-fix-indent = 把 `{ $key }` 缩进到 `{ $home }` 下面
cat025-message = 无法识别的 catalogc 确认注释：需要一个代码、理由和到期日期
cat025-label = 这条注释不生效
suppress-baseline-unreadable = 基线文件无法读取，其中的确认都不生效：{ $error }
cat023-message = 对 { $code } 的确认已于 { $until } 到期，该问题重新计入
cat023-help = 修正该问题，或在复核后更新理由和日期
cat024-message = 对 { $code } 的确认没有对应的问题
cat024-label = 第 { $line } 行没有 { $code }
cat024-help = 删除这条注释
suppress-baseline-expired = 基线已于 { $until } 到期，其中的问题重新计入
cat026-message = 基线中 { $code } 在 `{ $pointer }` 的条目已没有对应的问题
cat026-help = 问题已修正（或值已改变）：运行 `catalogc check --write-baseline` 更新基线
cat022-message = { $name }{ $found }写在了 YAML 语法的位置，这里应为半角 { $meant }
cat022-label = 这里是{ $place }
cat022-help = 切换到英文（半角）输入后重新输入 { $meant }；`catalogc check --fix` 可自动替换
cat022-fix = 把 { $found } 换成 { $meant }
cat022-place-key-colon = 键后面的冒号
cat022-place-flow-comma = 分隔各项的逗号
cat022-place-indent = 缩进
cat022-place-separator = 冒号或短横后的空格
cat022-place-quote = 值两边的引号
cat022-place-bracket = 列表的方括号
char-full-colon = 全角冒号
char-full-comma = 全角逗号
char-full-space = 全角空格
char-chinese-quote = 中文引号
char-chinese-bracket = 中文方括号
char-space = 空格

## CAT009: YAML constructs the format does not use
cat009-second-document = 一个目录文件只能有一个 YAML 文档，这里是第二个
cat009-tag = 目录格式不使用 YAML 标签 `{ $tag }`
cat009-not-finite = `{ $value }` 不是有限的数值
cat009-complex-key = 映射的键必须是简单的值，不能是映射或列表
cat009-merge-key = 目录格式不使用合并键（`<<`）

cat008-attachment = 没有目录文件引用这个附件，不会发布
cat008-attachment-help = 请在材料的 `blank_form` 或 `example`、或在 `result.sample_file` 中引用它，或者删除它
cat030-message = 附件文件 `{ $path }` 不存在
cat030-not-a-file = 附件 `{ $path }` 不是普通文件
cat030-unreadable = 无法读取附件文件 `{ $path }`：{ $error }
cat030-help = `file:` 相对于本 YAML 文件所在的文件夹；请把文件放在那里，或改正路径
cat031-message = 附件大小为 { $size } 字节，超过上限 { $limit } 字节
cat031-help = 请缩小文件（降低扫描分辨率、PDF 不嵌入大图），或在 catalog/catalog.yaml 中调高 `limits: {"{"}max_attachment_bytes: …{"}"}`
cat032-extension = 附件 `{ $file }` 不是 PDF、DOC/DOCX、XLS/XLSX、PNG 或 JPEG 文件
cat032-content = 附件 `{ $file }` 的扩展名是 { $ext }，内容却不是 { $ext }
cat032-help = 附件须为 PDF、DOC/DOCX、XLS/XLSX、PNG 或 JPEG 文件，内容与扩展名一致；请用这些格式之一保存
cat033-message = 附件路径 `{ $link }` 是符号链接，catalogc 不跟随链接
cat033-help = 请用文件本身替换链接，并把它提交在目录中
cat034-absolute = 附件路径 `{ $file }` 是绝对路径
cat034-backslash = 附件路径 `{ $file }` 含有反斜杠
cat034-control = 附件路径含有控制字符
cat034-parent = 附件路径 `{ $file }` 含有 `.` 或 `..`
cat034-empty = 附件路径 `{ $file }` 含有空的路径段
cat034-help = 请写相对于本 YAML 文件所在文件夹的路径，用 `/` 分隔普通名称，如 `000120010000/申请表.pdf`
