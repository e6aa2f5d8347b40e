# 与全国标准的一致性（CAT203–CAT213）：其文字仍在 src/diff/mod.rs 中，尚待移入。
