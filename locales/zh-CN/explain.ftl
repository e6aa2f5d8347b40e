# `catalogc explain CODE` 为每个代码打印的说明页：一句话概要（也用于 `catalogc rules`）、
# 检查什么、为什么重要。示例留在 src/check/rules/ 中各规则的文件里。说明页的标题：

page-title = # { $code } { $name }（{ $severity ->
    [error] 错误
   *[warning] 警告
}）
page-what = 检查什么
page-why = 为什么重要
page-retired = 该规则已停用：catalogc 不再报告它。
page-fails = 不通过的示例
page-passes = 通过的示例

# 尚未翻译的 -what、-why 暂用英文页面（见 messages.rs 的回退）。
cat001-summary = 文件不是格式正确的 YAML
cat002-summary = 映射中同一个键出现了两次
cat003-summary = 目录格式没有定义的键
cat004-summary = 值的类型不对
cat005-summary = 缺少必填的键
cat006-summary = 值超出了模式允许的范围
cat007-summary = 编码写成了数字
cat008-summary = 文件不在目录格式规定的位置
cat009-summary = 目录格式不使用的 YAML 特性
cat010-summary = 无法作为 UTF-8 文本读取的文件
cat011-summary = 文件名或文件夹名与文件中的编码不一致
cat012-summary = 事项编码不符合目录的编码规则
cat013-summary = 文件超过大小上限
cat014-summary = 文件中没有 YAML 内容
cat015-summary = 文件嵌套超过深度上限
cat016-summary = 文件经别名展开后节点过多
cat017-summary = 字符串超过长度上限
cat018-summary = 目录中的文件超过数量上限
cat019-summary = 目录文件中有控制字符
cat020-summary = 目录文件以 `.yml` 而不是 `.yaml` 结尾
cat021-summary = 目录按较早的格式版本编写
cat101-summary = 承诺时限超过法定时限
cat102-summary = 承诺时限与法定时限使用不同的单位
cat103-summary = 办件类型与承诺时限不一致
cat104-summary = 收费项目没有收费依据
cat105-summary = 跑动 0 次，但没有不到现场的办理渠道
cat106-summary = 网上办理地址不是 https
cat107-summary = 统一社会信用代码校验位错误
cat108-summary = 同一列表中的 id 重复
cat109-summary = 核验日期超过核验周期或在未来
cat110-summary = 收集个人信息没有写明目的或依据
cat111-summary = 内容已修改，但核验日期没有更新
cat112-summary = 实施编码与实施主体、层级和事项编码不符
cat113-summary = 以电子证照免提交，但没有写明电子证照类型
cat114-summary = 免提交的材料仍沿用为提交而写的全国备注
cat115-summary = 标为示例的路径没有对应的值
cat116-summary = 承诺跑动 0 次，但办理环节需要到现场
cat201-summary = 区划层级低于事项的所有实施层级
cat202-summary = 实施清单的层级与区划层级不一致
cat203-summary = 地方改动了全国标准规定不得改动的字段
cat204-summary = 地方实施清单新增了全国标准没有的要求
cat205-summary = 地方的取值比全国标准允许的更严
cat206-summary = 地方实施清单改写了全国标准中一行的文字
cat207-summary = 已由批准的例外覆盖的偏离
cat208-summary = 例外已过期
cat209-summary = 例外没有对应任何偏离
cat210-summary = 重新列出的清单既没有重述也没有省略继承来的某一行
cat211-summary = 省略没有写明理由
cat212-summary = 省略了法定材料或不可免除的受理条件
cat213-summary = 例外即将到期
cat214-summary = 实施清单是对照全国事项的旧版本核验的
cat301-summary = 实施清单对应的全国事项不存在
cat302-summary = `ref` 引用了全国事项中不存在的行
cat303-summary = 引用的法规不在法规库中
cat304-summary = 引用的电子证照类型不在电子证照库中
cat305-summary = 一件事中的事项不存在
cat306-summary = 上级区划不存在
cat307-summary = 上级区划并不高于本区划
cat308-summary = 区划代码与层级或上级区划不符
cat309-summary = 统一社会信用代码登记在其他地区
cat310-summary = 地方事项编码不以本区划的代码开头
cat311-summary = 两个区划同名
cat312-summary = 地方事项不在本区划的层级实施
cat313-summary = 地方一件事的事项数不在 3 至 9 个之间
