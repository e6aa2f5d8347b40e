# Conformance to the national standard (CAT203–CAT213): still worded in src/diff/mod.rs.
