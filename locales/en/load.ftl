# Loading and schema findings (CAT0xx). Placeholders are written { $name }; keep them, translate
# the words around them. A literal brace is written {"{"} and {"}"}.

## Shared pieces

the-document = the document
# A field named by its key and the Chinese title the schema gives it.
field-labelled = `{ $property }` ({ $label })
field = `{ $property }`
list-separator = ,{" "}
# The JSON types a schema asks for, as in "must be a string".
type-name = { $kind ->
    [array] array
    [boolean] boolean
    [integer] integer
    [null] null
    [number] number
    [object] object
   *[string] string
}
type-either = { $first } or { $second }
# What a value read from YAML is.
value-null = null (an empty value)
value-boolean = a boolean ({ $value })
value-integer = an integer ({ $value })
value-number = a number ({ $value })
value-string = a string ({ $value })
value-list = a list
value-mapping = a mapping
limit-help = if the file is legitimate, raise `limits: {"{"}{ $limit }: …{"}"}` in catalog/catalog.yaml

## CAT001 yaml-syntax
cat001-help = the rest of this file was not read; fix the YAML syntax first

## CAT002 duplicate-key
cat002-message = duplicate key `{ $key }`
cat002-label = second occurrence
cat002-first = first occurrence, whose value is used
cat002-help = a key may appear once in a mapping; remove one of them

## CAT003 unknown-key
cat003-message = unknown key `{ $key }`
cat003-label = not part of the catalog format here
cat003-help-near = did you mean `{ $near }`?
cat003-help-choices = did you mean one of { $choices }?
cat003-help = remove it; `catalogc explain CAT003` lists where keys are defined

## CAT004 wrong-type
cat004-message = { $what } must be { $first ->
    [array] an
    [integer] an
    [object] an
   *[other] a
} { $expected }, not { $found }
cat004-label = this is { $found }
cat004-help = { $first ->
    [string] write text here, quoted if it could be read as something else: `{ $key }: "…"`
    [integer] write a whole number without quotes, such as `{ $key }: 3`
    [number] write a number without quotes, such as `{ $key }: 1.5`
    [boolean] write `{ $key }: true` or `{ $key }: false`
    [array] write a list: `{ $key }: [a, b]`, or one `- …` line per element under `{ $key }:`
    [object] write a mapping: its keys indented under `{ $key }:`
   *[other] see docs/format.md for what `{ $key }` holds
}
cat004-model = the file passed its schema but does not fit catalogc's data model: { $error }
cat004-model-help = the catalog's own schema/ is looser than the built-in one; align it

## CAT005 missing-key
cat005-message = { $inside } lacks the required key { $name }
cat005-help = add `{ $property }:`

## CAT006 invalid-value
cat006-label = not allowed here
cat006-pattern = { $what }: { $value } does not have the required form
cat006-format = { $what }: { $value } is not a { $format ->
    [date] date
    [email] e-mail address
    [uri] web address
    [regex] regular expression
   *[other] { $format }
}
cat006-format-help = { $format ->
    [date] write a real date as YYYY-MM-DD, such as 2025-09-15 (months 01–12, days as the month has)
    [email] write an e-mail address, such as zwfw@example.gov.cn
    [uri] write an absolute web address, such as https://zwfw.example.gov.cn/guide
    [regex] write a regular expression (ECMA 262), such as ^[0-9]{"{"}12{"}"}$
   *[other] write a value of the form { $format }
}
cat006-enum = { $what }: { $value } is not one of the allowed values: { $allowed }
cat006-enum-meant = write the value `{ $value }`: the catalog format writes { $label } as `{ $value }`
cat006-enum-help = write one of { $allowed }
enum-value-labelled = `{ $value }` ({ $label })
enum-value = `{ $value }`
cat006-minimum = { $what }: { $value } is less than the minimum of { $limit }
cat006-minimum-help = write a value of at least { $limit }
cat006-exclusive-minimum = { $what }: { $value } must be greater than { $limit }
cat006-exclusive-minimum-help = write a value greater than { $limit }
cat006-maximum = { $what }: { $value } is more than the maximum of { $limit }
cat006-maximum-help = write a value of at most { $limit }
cat006-empty = { $what } is empty
cat006-empty-help = write the text, or remove the key if it is optional
cat006-too-long = { $what } is longer than { $limit } characters
cat006-too-long-help = shorten it to { $limit } characters or fewer
cat006-min-items = { $what } has fewer than { $limit } { $limit ->
    [one] element
   *[other] elements
}
cat006-min-items-help = list at least { $limit } { $limit ->
    [one] element
   *[other] elements
}, or remove the key if it is optional
cat006-max-items = { $what } has more than { $limit } elements
cat006-max-items-help = list at most { $limit } elements
cat006-unique = { $what } lists the same value twice
cat006-unique-help = remove the repeated value
cat006-const = { $what }: { $value } is not allowed here; the only value is { $expected }
cat006-const-help = write { $expected }, or remove the key
cat006-other = { $what }: { $value } is not allowed here
cat006-other-help = see docs/format.md for the values this field takes

## What each `pattern` of the schemas asks for, keyed by its `$defs` entry (or property).
## A pattern without an entry here gets pattern-other.
pattern-other = see docs/format.md for the form this field takes
pattern-id = an id is lowercase letters, digits and hyphens, starting with a letter or digit, such as `id-card`
pattern-field_name = a field name is lowercase snake_case, nested fields joined by a dot, such as `channels.visits`
pattern-illustrative = list field names: a top-level field, or field.subfield, such as `contact.phone`
pattern-code = an item code is 6 to 20 digits or capital letters, in quotes, such as "000120010000"
pattern-implementation_code = an implementation code is 6 to 50 digits or capital letters, in quotes, such as "11440300007542417R000120010000Y0001"
pattern-region_code = a GB/T 2260 region code is six digits, in quotes, such as "440300"
pattern-town_code = a township code is 9 or 12 digits, in quotes, such as "440305001"
pattern-credit_code = a unified social credit code is 18 digits or capital letters (no I, O, Z, S or V), in quotes, such as "11440300007542417R"
pattern-phone = write a phone number in quotes: area code and number, such as "0755-12345678" (with "-123" for an extension), a mobile number such as "13800138000", a 400/800 line such as "400-123-4567", or a short number such as "12345"
pattern-https_url = write a web address starting with https://, such as https://zwfw.example.gov.cn/guide
pattern-url = write a web address starting with http:// or https://, such as https://zwfw.example.gov.cn/guide
pattern-language = write a language tag, such as zh-CN or en

## CAT007 unquoted-code
cat007-message = { $what } is a number, not a string: YAML reads `{ $written }` as { $read }
cat007-label = unquoted
cat007-help = quote it: `{ $key }: "{ $written }"`

## CAT008 unknown-file
cat008-message = file is not in a place the catalog format knows, so it is ignored
cat008-help = see the layout in docs/format.md: national/, events/, registries/, regions/<region>/ (local/, events/)
cat008-folder = a folder named like a catalog file is not read
cat008-folder-help = rename the folder; catalog files are regular files
cat008-symlink = symbolic link is not followed
cat008-symlink-help = catalog files must be regular files inside the catalog root
cat008-special = not a regular file, so it is not read
cat008-special-help = catalog files must be regular files

## CAT010 unreadable-file
cat010-folder = cannot read this folder: { $error }
cat010-file = cannot read this file: { $error }
cat010-utf8 = file is not valid UTF-8
cat010-utf8-help = save the file as UTF-8

## CAT013 file-size
cat013-message = file is { $size } bytes, more than the limit of { $limit } bytes, so it was not read
cat013-help = split the file, or raise `limits: {"{"}max_file_bytes: …{"}"}` in catalog/catalog.yaml

## CAT014 empty-file
cat014-message = file holds no YAML document: it is empty or only comments
cat014-help = write the file's content, or delete the file

## CAT015–CAT017: the parser's limits
cat015-message = the file nests mappings and sequences more than { $limit } levels deep
cat016-message = the file expands to more than { $limit } YAML nodes
cat017-message = a string is longer than the limit of { $limit } characters

## CAT018 file-count
cat018-message = the catalog has more than { $limit } files; the rest were not read
cat018-help = raise `limits: {"{"}max_files: …{"}"}` in catalog/catalog.yaml

## CAT019 control-character
cat019-message = control character { $character } in the text
cat019-help = remove it; write line breaks as YAML line breaks and other characters as themselves

## CAT020 yml-extension
cat020-message = a `.yml` file is not read: catalog files end in `.yaml`
cat020-help = rename it to { $stem }.yaml

## CAT111 stale-review (emitted by check --since)
cat111-message = content changed but `reviewed` is still { $reviewed }
cat111-label = unchanged
cat111-help = confirm the changed content and set `reviewed` to the date of that confirmation

## Editor mistakes: YAML syntax in editor terms (CAT001), full-width slips (CAT022), the fixes of
## unknown keys and unquoted codes (CAT003, CAT007), acknowledgements and the baseline (CAT023–CAT026)
cat022-pair = its pair
cat001-fix-dedent = remove { $extra } spaces to align with line { $n }
cat001-over-indented = over-indented: this line is indented { $extra } more than line { $n }, so it reads as the continuation of that line's value
cat001-over-indented-help = align it with the key on line { $n } (remove { $extra } spaces), or move it under the key it belongs to
cat001-colon-in-value = a colon cannot go here: the value holds `: ` (colon and space)
cat001-colon-in-value-help = quote the whole value, for example `key: "a: b"`
cat001-indentation = inconsistent indentation: line { $n } is not aligned with the lines at its level
cat001-indentation-help = align the keys of one level; indent a child two spaces more than its parent
cat001-missing-colon = line { $n } lacks a colon: a key is followed by a colon and a space (`key: value`)
cat001-missing-colon-help = add `: ` after the key; if the line continues the previous value, join them
cat001-unclosed-quote = an unclosed quote: the string this quote opens never ends
cat001-unclosed-quote-help = close the value with the same quote `"`
cat001-unclosed-bracket = an unclosed bracket: this `{ $c }` has no matching `{ $close }`
cat001-unclosed-bracket-help = add `{ $close }` at the end of the value (items separated by ASCII commas)
cat001-tab = a tab in the indentation: YAML indents with spaces only
cat001-tab-help = replace the tab with spaces (two more than the parent key)
cat001-unmatched-bracket = an unmatched bracket or brace: `[...]` and `{"{"}...{"}"}` come in pairs, items separated by ASCII commas
cat001-unmatched-bracket-help = add the missing `]` or `{"}"}`, or remove the extra one
cat001-help-rest = the rest of this file was not read; fix the YAML syntax first
cat003-fix-rename = rename `{ $key }` to `{ $only }`
cat003-label-belongs = `{ $key }` belongs under `{ $home }`{ $label }
cat003-help-indent = `{ $key }` is a key of `{ $home }`: indent it under `{ $home }:` (two spaces more than `{ $home }`)
cat003-help-move = `{ $key }` is a key of `{ $home }`, not of this mapping: move it under `{ $home }:`
cat007-fix-quote = quote `{ $written }`
cat003-fix-indent = indent `{ $key }` under `{ $home }`
cat025-message = an acknowledgement catalogc cannot read: it needs one code, a reason and an expiry date
cat025-label = this accepts nothing
suppress-baseline-unreadable = the baseline cannot be read, so it accepts nothing: { $error }
cat023-message = the acknowledgement of { $code } expired on { $until }; the finding counts again
cat023-help = fix the finding, or review the reason and set a new date
cat024-message = the acknowledgement of { $code } matches no finding
cat024-label = line { $line } has no { $code }
cat024-help = remove the comment
suppress-baseline-expired = the baseline expired on { $until }; its findings count again
cat026-message = the baseline entry for { $code } at `{ $pointer }` matches no finding
cat026-help = the finding was fixed (or its value changed): run `catalogc check --write-baseline`
cat022-message = { $name } { $found } where YAML needs the ASCII { $meant }
cat022-label = this is { $place }
cat022-help = type { $meant } with the input method in English mode; `catalogc check --fix` replaces it
cat022-fix = replace { $found } with { $meant }
cat022-place-key-colon = the colon after a key
cat022-place-flow-comma = the comma between items
cat022-place-indent = indentation
cat022-place-separator = the space after `:` or `-`
cat022-place-quote = the quotes around a value
cat022-place-bracket = the brackets of a list
char-full-colon = full-width colon
char-full-comma = full-width comma
char-full-space = full-width space
char-chinese-quote = Chinese quotation mark
char-chinese-bracket = Chinese bracket
char-space = space

## CAT009: YAML constructs the format does not use
cat009-second-document = a catalog file holds one YAML document, this is a second one
cat009-tag = YAML tag `{ $tag }` is not used by the catalog format
cat009-not-finite = `{ $value }` is not a finite number
cat009-complex-key = a mapping key must be a plain value, not a mapping or sequence
cat009-merge-key = merge keys (`<<`) are not used by the catalog format

cat008-attachment = no catalog file references this attachment, so it is not published
cat008-attachment-help = reference it from a material's `blank_form` or `example` or from `result.sample_file`, or remove it
cat030-message = attachment file `{ $path }` does not exist
cat030-not-a-file = attachment `{ $path }` is not a regular file
cat030-unreadable = attachment file `{ $path }` cannot be read: { $error }
cat030-help = `file:` is relative to the folder of this YAML file; add the file there or correct the path
cat031-message = attachment is { $size } bytes, more than the limit of { $limit } bytes
cat031-help = make the file smaller (a lower-resolution scan, a PDF without embedded images), or raise `limits: {"{"}max_attachment_bytes: …{"}"}` in catalog/catalog.yaml
cat032-extension = attachment `{ $file }` is not PDF, DOC/DOCX, XLS/XLSX, PNG or JPEG
cat032-content = attachment `{ $file }` is named { $ext } but its content is not { $ext }
cat032-help = attachments are PDF, DOC/DOCX, XLS/XLSX, PNG or JPEG files whose content matches their ending; save the file in one of those formats
cat033-message = attachment path `{ $link }` is a symbolic link, which catalogc does not follow
cat033-help = replace the link with the file itself, committed inside the catalog
cat034-absolute = attachment path `{ $file }` is absolute
cat034-backslash = attachment path `{ $file }` contains a backslash
cat034-control = attachment path contains a control character
cat034-parent = attachment path `{ $file }` has a `.` or `..` part
cat034-empty = attachment path `{ $file }` has an empty part
cat034-help = write a path relative to the folder of this YAML file, with `/` between plain names, such as `000120010000/申请表.pdf`
