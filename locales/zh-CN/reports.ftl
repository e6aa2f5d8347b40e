# 命令报告中的文字：文本报告的各行、标准错误输出上的提示。

## check 的文本格式
report-explain = 详见 `catalogc explain { $code }`
report-in = 位置：{ $location }
report-escapes = 本次修改新增的例外和省略，供国家层面审核（{ $count } 处）：
report-clean = 已检查 { $files } 个文件：没有发现问题
report-summary = 已检查 { $files } 个文件：{ $errors } 个错误，{ $warnings } 个警告
