# The page `catalogc explain CODE` prints for each code: its one-line summary (also in
# `catalogc rules`), what it checks and why it matters. The examples stay with each rule's file
# in src/check/rules/. Headings of the page:

page-title = # { $code } { $name } ({ $severity })
page-what = What it checks
page-why = Why it matters
page-retired = This rule is retired: catalogc no longer emits it.
page-fails = Example that fails
page-passes = Example that passes

## CAT001 yaml-syntax
cat001-summary = the file is not well-formed YAML
cat001-what =
    Parses every catalog file with a YAML 1.2 parser and reports where the parser had to stop: an unclosed bracket or quote, a bad indentation, a stray character. The parser's message is said in the editor's terms (缩进, 冒号, 引号; in English for an English catalog) and points at the character at fault: the first character of an over-indented line, the quote that was never closed, the tab in the indentation. A full-width character where YAML needs an ASCII one is CAT022 instead.
cat001-why =
    Nothing after a syntax error can be read, so nothing in the rest of the file is checked or published. The parser gives up at or after the mistake, in its own terms (`simple key expect ':'` on the line after a missing colon); the finding names the mistake and points at it.

## CAT002 duplicate-key
cat002-summary = a mapping has the same key twice
cat002-what =
    Reports every key that appears a second time in the same mapping, with both places.
cat002-why =
    Many YAML tools silently keep the last value, others the first, so two readers of the same file can disagree about what an item requires. catalogc keeps the first value and refuses the file until one of them is removed.

## CAT003 unknown-key
cat003-summary = a key the catalog format does not define
cat003-what =
    Every mapping in every file is closed: a key that its schema (schema/*.schema.json, documented in docs/format.md) does not list is an error. A close match is suggested.
cat003-why =
    A misspelt key (`materails:`) would otherwise be ignored, and the region would silently inherit the national value it meant to change. Rejecting unknown keys turns typos into findings.

## CAT004 wrong-type
cat004-summary = a value of the wrong type
cat004-what =
    Reports a value whose type differs from the schema's: text where a number is expected, a single value where a list is expected, an empty value where a mapping is expected.
cat004-why =
    Counts, limits and amounts are compared across regions; `copies: 两份` cannot be compared and would make the conformance report meaningless.

## CAT005 missing-key
cat005-summary = a required key is absent
cat005-what =
    Reports a mapping that lacks a key its schema requires, such as a national item without `statutory_limit` or a regional entry without `department`.
cat005-why =
    The service guide must state every required element (GB/T 39046, ZWFW C0109.2). A missing element would publish an incomplete guide.

## CAT006 invalid-value
cat006-summary = a value outside what the schema allows
cat006-what =
    Reports a value of the right type that the schema still rejects: a word not in a code list (GB/T 39046 Annex A), text that does not match a pattern (phone numbers, credit codes, ids), an impossible date, a negative count, an empty list that must not be empty.
cat006-why =
    Code lists and patterns are what makes catalogs from different regions comparable and exchangeable with the national platform.

## CAT007 unquoted-code
cat007-summary = a code written as a number
cat007-what =
    Reports an unquoted number where the format expects text: item codes, region codes, phone numbers, credit codes.
cat007-why =
    YAML reads `000120010000` as the number 120010000: the leading zeros, which are part of the code, are lost, and `440300` becomes a number that no longer matches its folder. Quoting keeps the code exactly as written.

## CAT008 unknown-file
cat008-summary = a file in a place the catalog format does not define
cat008-what =
    Reports files under `catalog/` that are not in one of the known places (national/, events/, registries/laws.yaml, registries/certificates.yaml, regions/<region>/, regions/<region>/local/, regions/<region>/events/), files that do not end in `.yaml` (a `.yml` file is reported by CAT020 instead), folders named like catalog files, and symbolic links, which are not followed.
cat008-why =
    A file in the wrong folder (`catalog/nationl/…`, `…/000120010000.json`) is never read, so an editor's change would silently have no effect.

## CAT009 unsupported-yaml
cat009-summary = a YAML feature the catalog format does not use
cat009-what =
    Reports tags (`!!binary`, `!custom`), a second document in one file (`---`), mapping keys that are themselves mappings or lists, and non-finite numbers (`.inf`, `.nan`).
cat009-why =
    Different YAML tools treat these features differently. The catalog is data that many systems read; keeping to plain mappings, lists and scalars means every reader sees the same values.

## CAT010 unreadable-file
cat010-summary = a file that cannot be read as UTF-8 text
cat010-what =
    Reports catalog files and folders that cannot be read (permissions, I/O errors) and files that are not valid UTF-8, with the position of the first bad byte. A UTF-8 byte-order mark is accepted.
cat010-why =
    Files saved in GBK or GB18030 by older editors display as garbage on the portal. catalogc reads UTF-8 only and says exactly where the first non-UTF-8 byte is.

## CAT011 file-name
cat011-summary = a file's name or folder disagrees with the code inside it
cat011-what =
    A national item lives in `national/<code>.yaml`, a local item in `regions/<region>/local/<code>.yaml`, an event in `events/<id>.yaml` and a region in `regions/<code>/region.yaml`: the name of the file (or folder) must equal the `code` or `id` inside it.
cat011-why =
    Regional entries find their national item by file name, and generated pages are named by code. If the two disagree, entries attach to the wrong item and links break.

## CAT012 code-pattern
cat012-summary = an item code that does not follow the catalog's coding rule
cat012-what =
    Checks national item codes against `code_patterns.national` and local item codes against `code_patterns.local` in catalog/catalog.yaml. The defaults follow the 12-character 基本编码 (`SS TT MMMMM NNN`, GB/T 39554.1) and a province-prefixed local code.
cat012-why =
    The national platform exchanges items by code; a code of the wrong shape cannot be matched to the 基本目录 and breaks every link built from it. Codes are also file names, so a strict pattern keeps paths safe.

## CAT013 file-size
cat013-summary = a file larger than the file size limit
cat013-what =
    A file larger than `limits.max_file_bytes` (default 1 MiB) in catalog/catalog.yaml is not read at all. Real catalog files are a few kilobytes.
cat013-why =
    A huge file, by accident (a pasted export) or on purpose, would take memory and time from every CI run. It is refused before it is read.

## CAT014 empty-file
cat014-summary = a file that holds no YAML document
cat014-what =
    Reports a catalog file that is empty or holds only comments.
cat014-why =
    An empty file in a catalog folder is almost always a mistake (a failed save, an unfinished copy). Treating it as nothing would let it pass silently.

## CAT015 nesting-depth
cat015-summary = a file nested deeper than the depth limit
cat015-what =
    Stops reading a file whose mappings and lists nest deeper than `limits.max_depth` (default 64) in catalog/catalog.yaml.
cat015-why =
    The catalog format is a few levels deep. A file nested thousands of levels deep is an attack on the parser's stack or a generator gone wrong.

## CAT016 alias-expansion
cat016-summary = a file that expands to too many nodes through aliases
cat016-what =
    Counts every node of a file, including each copy an alias (`*name`) makes, and stops reading when the count passes `limits.max_nodes` (default 200,000) in catalog/catalog.yaml.
cat016-why =
    Nested aliases multiply: ten lines of a “billion laughs” file expand to 10^10 nodes and exhaust memory. Counting as aliases are expanded rejects such a file after a fraction of a millisecond.

## CAT017 string-length
cat017-summary = a string longer than the string length limit
cat017-what =
    Reports every string value longer than `limits.max_string_chars` (default 20,000 characters) in catalog/catalog.yaml.
cat017-why =
    Catalog text is shown on portal pages and in printed guides; a 100,000-character value is a paste accident or an attempt to bloat every generated page.

## CAT018 file-count
cat018-summary = a catalog with more files than the file count limit
cat018-what =
    Stops walking the catalog after `limits.max_files` files (default 4,000,000) in catalog/catalog.yaml.
cat018-why =
    A runaway generator or a wrongly mounted folder can put millions of files under catalog/. The limit bounds the time and memory of a run, and says so instead of hanging.

## CAT019 control-character
cat019-summary = a control character in a catalog file
cat019-what =
    Reports NUL, escape, backspace and every other control character except tab, line feed and carriage return, and the Unicode line and paragraph separators, wherever they are in the text (at most five per file).
cat019-why =
    Control characters are invisible in editors and in review, break terminals and CSV readers, and can hide text from a reviewer. Some YAML parsers accept them inside quoted strings, so they would reach the portal and the open data unseen.

## CAT020 yml-extension
cat020-summary = a catalog file named `.yml` rather than `.yaml`
cat020-what =
    Every file under `catalog/` whose name ends in `.yml` (in any letter case) is an error at that file, and its help gives the name to rename it to (`rename it to 000120020000.yaml`). catalogc reads only `.yaml` files, so the file is not read. It is reported by this rule only, not also as an unknown file (CAT008).
cat020-why =
    `.yml` is the other common ending of YAML files and editors type it out of habit. The file looks right in review, but catalogc never reads it: a new item, a region's entry or a correction in it would silently have no effect, and the published catalog would not say so. A warning is easy to miss in a long report, so this is an error: the build refuses to write until the file is renamed.

## CAT021 format-version
cat021-summary = the catalog is written for an earlier format version
cat021-what =
    Compares `schema_version` in `catalog/catalog.yaml` with the format this catalogc reads (3). Format 3 replaces `address`, `hours` and `traffic` with `service_points` (a list of service points) and adds situations, attachments and assistance. Format 2 made omissions explicit: a regional list that restates lines accounts for every line it inherits, restating it or omitting it with a reason, where format 1 dropped an unlisted line silently. `catalogc migrate` rewrites an older catalog so that it means the same (for format 1 it writes `omitted: true` for each line a list left out; for format 2 it moves address, hours and traffic into one service point) and sets the version; `catalogc migrate --diff` shows the patch first.
cat021-why =
    Read under the new rules, a format-1 catalog reports every silently dropped line as an error (CAT210). The version says which rules a file was written for, so the upgrade is one command and not a surprise.

## CAT101 committed-limit
cat101-summary = the committed time limit exceeds the statutory one
cat101-what =
    Compares each entry's `committed_limit` (承诺办结时限) with the national item's `statutory_limit` (法定办结时限), and a local item's with its own, by what each guarantees. In the same unit the numbers are compared. Across units: N working days always take at least N calendar days, so more working days than the statute's calendar days is over the statute; calendar days beyond the longest span the statute's working days can take are over it too. The longest span assumes a weekend after every 5 working days and one public-holiday run of up to 8 days (春节, 国庆) for every 40 working days; 调休 weekends only shorten it. A promise that may or may not fit, depending on the calendar, is CAT102's warning.
cat101-why =
    The statutory limit is set by law; a region may promise to be faster, never slower (国发〔2022〕5号, GB/T 39046 §5). A committed limit above it is a promise the law does not allow, whatever unit it is written in: 20 working days against a statutory 15 calendar days is always at least 20 calendar days.

## CAT102 limit-unit
cat102-summary = committed and statutory limits use different units
cat102-what =
    Reports an entry whose `committed_limit` is counted in one unit (working or calendar days) while the statutory limit is in the other, when the promise keeps within the statute on some calendars and not on others. The warning states the bound: the largest promise that keeps within whatever the calendar. N working days take at least N calendar days and at most a weekend after every 5 working days plus one public-holiday run of up to 8 days (春节, 国庆) for every 40 working days (6 days beyond the weekend it absorbs); 调休 weekends only shorten this. A promise that always fits is compared as faster (improved); one that never fits is CAT101's error.
cat102-why =
    10 working days can be 20 calendar days across 国庆: an applicant promised 10 working days against a statutory 15 calendar days may wait longer than the law allows. A promise within the bound, or in the statute's own unit, removes the doubt.

## CAT103 handling
cat103-summary = the handling type disagrees with the committed limit
cat103-what =
    An entry (or local item) with `handling: immediate` (即办件) must commit to 0 days; one that commits to 0 days must be `immediate`. Values inherited from a parent region count; the finding is reported where one of the two is stated.
cat103-why =
    即办件 means the applicant gets the result at the window (GB/T 39046 A.6). A 即办件 with a 5-day limit, or a 承诺件 with 0 days, tells the applicant two different things.

## CAT104 fee-basis
cat104-summary = a charged fee without a legal basis
cat104-what =
    Every fee with an amount above zero, in a national item, a local item or added by a regional entry, must name its `basis` (收费依据): a law in the laws registry.
cat104-why =
    A government fee may only be charged on a published legal basis (行政事业性收费 must be listed and approved). A fee without one cannot be published in a service guide.

## CAT105 visits
cat105-summary = zero visits promised without a remote channel
cat105-what =
    An entry or local item whose `channels.visits` (到办事现场次数) is 0 must offer a way to apply without going anywhere: an `online` address, `mobile` or `mail`.
cat105-why =
    “零跑动” is a promise to the applicant. Without an online, mobile or postal channel the applicant has to come to a window after all.

## CAT106 insecure-url
cat106-summary = an online service address that is not https
cat106-what =
    Every `channels.online.url` (网办地址) must start with `https://`.
cat106-why =
    Applicants type identity numbers and upload documents on these pages. Over plain http anyone on the network can read or change them (GB/T 22239 等级保护 requires encrypted transmission of personal data).

## CAT107 credit-code
cat107-summary = a 统一社会信用代码 whose check digit is wrong
cat107-what =
    Verifies the 18th character of every `department.credit_code` with the GB 32100-2015 algorithm: the first 17 characters, read in the code's 31-character alphabet, are weighted by 3^i mod 31 and summed; the check character is 31 minus the sum mod 31.
cat107-why =
    The credit code identifies the implementing body (实施主体) and is embedded in the 31-character 实施编码. A mistyped code attaches the item to another organisation on the national platform; the check digit catches almost every single-character typo.

## CAT108 duplicate-id
cat108-summary = two lines of one list share an id
cat108-what =
    Within one list (an item's `conditions`, `materials`, `fees`, `process`; an entry's restated lines; the laws and certificates registries) every `id` must be unique, and an entry may restate each national line (`ref`) once.
cat108-why =
    Regional entries, exceptions and the conformance report link to lines by id (目录材料关联ID). Two lines with one id make every such link ambiguous.

## CAT109 review
cat109-summary = content not confirmed within the review interval
cat109-what =
    Warns when a file's `reviewed` date (最近核验日期) is older than `review_interval_days` in catalog/catalog.yaml, counted to the reference date (`--as-of`, else today), and when it lies in the future.
cat109-why =
    Guides go stale: fees are abolished, limits shortened, offices move. The portal shows each page's `reviewed` date; an old one tells the public the page may be wrong and tells editors what to re-confirm first.

## CAT110 personal-data
cat110-summary = personal information collected without purpose or basis
cat110-what =
    Every line of `personal_data` (采集的个人信息) must state the `purpose` for which the field is collected and the `basis`, a law in the registry that allows it.
cat110-why =
    The Personal Information Protection Law (个人信息保护法 第六条、第三十四条) allows a state body to collect only what its statutory duty needs, for a stated purpose. A field without both cannot be shown to meet that test.

## CAT111 stale-review
cat111-summary = content changed but its `reviewed` date did not move
cat111-what =
    With `check --since REV`: for every changed catalog file that has a `reviewed` date, compares its content (everything but `reviewed`) with the file at REV. Content that changed under an unchanged `reviewed` date is reported.
cat111-why =
    `reviewed` tells the public when a page was last confirmed correct. A change that keeps the old date claims a confirmation that never happened; editors must re-confirm what they change.

## CAT112 task-code
cat112-summary = a 实施编码 that is not the credit code, level and item code of its entry
cat112-what =
    A `task_code` (实施编码, GB/T 39554.1) is the implementing department's 18-character 统一社会信用代码, then the one-digit code of the level that exercises the item (GB/T 39046 A.2: 1 national, 2 province, 3 city, 4 county, 5 township, 6 village), then the item's code: 31 characters for a 12-character 基本编码, as in `11440300007542417R3000120010000` (深圳市公安局, city level, 000120010000). In a regional entry that states a `task_code`, the first 18 characters must equal the entry's effective `department.credit_code`, the 19th the digit of the entry's `level`, and the rest the code of the national item it implements; in a local item, the same with the local item's own department, level and code.
cat112-why =
    The 实施编码 is the key under which the national platform exchanges the region's implementation of an item: cases, evaluations (好差评) and statistics are filed under it. A code copied from another entry, or left unchanged when the department or the level changed, files them under another office's or another item's implementation.

## CAT113 waiver-without-certificate
cat113-summary = a material waived by e-certificate that names no e-certificate type
cat113-what =
    A material with `waived_by: e_certificate` (电子证照免提交) must name, in its effective line, the e-certificate type that replaces it: `certificate`. For a regional entry the effective line is the national material merged with the region's restatement, so a line `{"{"}ref: id-card, waived_by: e_certificate{"}"}` inherits the national material's `certificate`; the finding is reported at the file that states the waiver. National and local items are checked line by line.
cat113-why =
    免提交 by e-certificate means the office fetches the document from the e-certificate platform instead of asking the applicant for it, and that only works for a document that exists there as a certificate type. A 房屋租赁合同 is a private contract, issued by no authority: promising to waive it by e-certificate tells applicants to come without a document the office will then demand.

## CAT114 waiver-note
cat114-summary = a waived material keeps a national note about handing it in
cat114-what =
    A regional line that waives a national material (`waived_by`) while the national line has a `note` (填报须知, often how the document is handed in or returned: 现场核验后退还) must restate `note` for the waiver. Guides never print the national note of a waived document; the region's own note is printed instead.
cat114-why =
    A guide that says 免提交 and, beside it, 现场核验后退还 tells the applicant two contradictory things about the same document. The region knows what the waiver means in practice (刷脸核验, 电子证照调取) and says it.

## CAT115 illustrative-path
cat115-summary = an `illustrative` mark names no value of its file
cat115-what =
    Each path listed under `illustrative` (on an item, an entry, a local item, an event, or an exception line) must name a value that the same file, or the same exception line, states: a top-level field (`statutory_limit`) or a field inside one (`contact.phone`, `department.credit_code`).
cat115-why =
    `illustrative` tells pages that a value is an illustration, not a fact (an invented phone number, a made-up approval number). A mark that names nothing (a typo, or a value since removed or inherited from another file) marks nothing, and the invented value it was meant for is printed as if it were true.

## CAT116 on-site-step
cat116-summary = zero visits promised while a process step needs the applicant on site
cat116-what =
    An entry or local item whose `channels.visits` (到办事现场次数) is 0 must not keep a `process` step marked `on_site: true` (本环节须到现场), whether the step is its own or inherited from a parent region or the national item. Restate `process` for the region (how the step is done without coming in), or count the visit.
cat116-why =
    A guide that promises 零跑动 beside a process that sends the applicant to the 派出所 tells the citizen two contradictory things. Guides print neither claim on its own while the contradiction stands (they say 请以办理流程为准).

## CAT117 scheduled-in-force
cat117-summary = a scheduled change has taken effect and is still written apart from the fields it replaces
cat117-what =
    A file's `scheduled` list holds changes merged before they take effect (施行日期). From a change's `effective` date on, catalogc publishes the values in its `set` instead of the file's own (a build with `--as-of` shows any date). This warning fires for a change whose date has come: write its values into the fields themselves and remove the change from `scheduled`.
cat117-why =
    Once in force, the file states two values for the same field, and only one of them is published. An editor who corrects the old one changes nothing a citizen sees; folding the change in leaves one value, the true one.

## CAT201 level-not-delivering
cat201-summary = an entry at a level below the item's delivering levels
cat201-what =
    A national item's `levels` (行使层级) say where it is delivered. A region at one of those levels implements it; a region above them may hold an entry that its sub-regions inherit (省级统一编制、市县认领); a region below all of them must not have an entry.
cat201-why =
    An entry below the delivering levels claims a power the region does not have: the applicant would be sent to an office that cannot decide the case.

## CAT202 entry-level
cat202-summary = an entry's level differs from its region's level
cat202-what =
    The `level` of a regional entry (its 行使层级) must equal the `level` of the region whose folder it is in.
cat202-why =
    The level is part of the 31-character 实施编码 and decides which office the national platform routes cases to. A city entry marked `province` would be exchanged as the province's.

## CAT203 fixed-field
cat203-summary = a fixed field differs from the national standard
cat203-what =
    A field the policy marks `fixed` (name, type, audience, legal basis, statutory limit, result, …) is restated by a regional entry with a different value.
cat203-why =
    The national standard fixes these elements for every region (同一事项、同一标准). A region that renames an item or cites another legal basis publishes a different service under the same code.

## CAT204 added-requirement
cat204-summary = a regional entry adds a requirement the standard does not have
cat204-what =
    A condition, material or fee line without `ref` is an addition: it asks the applicant for something the national standard does not. It is a deviation unless an unexpired exception in the same entry approves it.
cat204-why =
    Local lists may only be narrower than the national list (GB/T 39554, 国办发〔2022〕2号: 实施要件统一). An extra document is exactly the “3 documents here, 5 there” drift the catalog exists to stop.

## CAT205 stricter-requirement
cat205-summary = a regional value is stricter than the standard allows
cat205-what =
    For each field the policy marks `narrow`, compares the region's value with the standard in the direction that favours the applicant: more copies, a material made required, a stricter form, fewer accepted media, a higher fee, fewer channels or more visits than the parent region are deviations. The opposite moves are improvements.
cat205-why =
    A region may make a service easier, never harder, than the national standard without an approved exception. The message names both values so the editor sees what to undo or get approved.

## CAT206 changed-text
cat206-summary = a regional entry rewords a line of the standard
cat206-what =
    A restated line (`ref`) whose text differs from the national text (a condition's `text`, a material's or fee's `name`) is a deviation: the help shows the difference word by word.
cat206-why =
    Reworded conditions are how stricter requirements slip in (“居住半年以上” becomes “连续居住满十二个月”). Every rewording must be seen and approved.

## CAT207 approved-deviation
cat207-summary = a deviation covered by an approved exception
cat207-what =
    A deviation (CAT203–CAT206) that an unexpired `exceptions` line of the same entry covers (same `field`, and the same `ref` or addition `id` when given) is reported as approved: a warning that names the approving document and its expiry.
cat207-why =
    Approved deviations are legitimate (a special-zone regulation, a pilot) but temporary. Keeping them visible in every run means nobody forgets that they expire.

## CAT208 expired-exception
cat208-summary = an exception that has expired
cat208-what =
    An `exceptions` line whose `expires` date is before the reference date (`--as-of`, else today) approves nothing: it is an error, and the deviation it covered counts as an unapproved deviation in `diff`, the scores and every report. This is the one finding for it (the deviation is not reported a second time with contradictory help): renew the approval and update `expires`, or make the entry conform and remove the exception. CAT213 warns ahead of the date.
cat208-why =
    An exception is granted for a period. After it ends the region must conform or obtain a new approval; an expired one left in place would hide a deviation.

## CAT209 unmatched-exception
cat209-summary = an exception that matches no deviation
cat209-what =
    An `exceptions` line that covers no deviation of its entry (wrong `field`, a `ref` that deviates nowhere, or a deviation that has since been removed) is an error.
cat209-why =
    An exception that matches nothing is either a typo, so the deviation it was meant for is unapproved, or a leftover that claims a deviation which no longer exists. Both mislead a reviewer.

## CAT210 unaccounted-line
cat210-summary = a restated list neither restates nor omits a line it inherits
cat210-what =
    A regional entry that restates `conditions`, `materials` or `fees` must account for every line of the list it inherits — its parent region's list when the parent restates one, else the national list: each line is restated (`- {"{"}ref: id-card{"}"}`) or omitted on purpose, with the reason (`- {"{"}ref: photo, omitted: 电子证照共享后免于提交{"}"}`). A line the region does neither is reported here. This typically happens when the national office adds a requirement after the region wrote its list. A line a parent region omitted stays omitted, with the parent's reason, and need not be repeated.
cat210-why =
    Leaving a line out used to count as an improvement (fewer documents), whatever the line was. But a national requirement added by a new regulation, or a legal condition dropped by mistake, is not an improvement: it is a guide that tells the applicant less than the law asks. Only an explicit omission, with its reason, is a decision a reviewer can check.

## CAT211 omission-reason
cat211-summary = an explicit omission without its reason
cat211-what =
    An omitted line must say why the region no longer asks for it: `omitted:` holds the reason as text (`{"{"}ref: photo, omitted: 电子照片由公安部门人像系统调取，免于提交{"}"}`). `catalogc migrate` writes `omitted: true` where a catalog written for the previous format left a line out, because it cannot know the reason; this warning stays until an editor gives it.
cat211-why =
    The reason is what a reviewer in the national office reads, and what the guide can tell an applicant who expected to bring the document. An omission without one cannot be checked.

## CAT212 omitted-requirement
cat212-summary = a statutory material or a non-waivable condition is omitted
cat212-what =
    An explicit omission (`- {"{"}ref: …, omitted: 理由{"}"}`) is judged by the policy. Materials may be omitted — 精简材料 is encouraged and classed `improved` — unless the national item marks the material `statutory: true` (a law names it). Conditions are legal requirements: omitting one is a deviation unless the national item marks it `waivable: true`. Such an omission needs an approved exception (`exceptions: [{"{"}field: conditions, ref: …, reason: …, approval: …, expires: …{"}"}]`), which turns it into an approved deviation (CAT207).
cat212-why =
    A region may ask for less than the standard only where the standard leaves room. Dropping the legal age from 结婚登记 or a document a regulation requires is not a simplification but a guide that misstates the law; the national office has to see and approve it.

## CAT213 exception-expiring
cat213-summary = an approved exception expires soon
cat213-what =
    An `exceptions` line that still approves a deviation but expires within `exception_notice_days` days of the reference date (`--as-of`, else today; the setting is in `catalog/catalog.yaml`, 60 when absent). On its expiry date the exception stops approving anything and CAT208 reports it.
cat213-why =
    Renewing an approval takes time in a provincial office; a notice on the day it lapses is a red CI and an unapproved deviation in every published report. A warning two months ahead leaves time to renew or to conform.

## CAT214 standard-version
cat214-summary = an entry was reviewed against an older version of its national item
cat214-what =
    A regional entry may record, in `standard_version`, the `version` of the national item it was last reviewed against. When the national office publishes a new version, every entry that recorded an older one gets this warning until its editor has reviewed the entry against the new standard and updated `standard_version`. When the catalog is a git repository and the national item's file at the recorded version can be found in its history, the help lists what changed since (materials, conditions and fees added, removed or changed; other fields changed); otherwise it says only that the version moved. The code, the place and the exit status never depend on the history available: a shallow clone and `check --since` give the same finding.
cat214-why =
    A region's list is written against one version of the standard. When the standard changes (a new regulation adds a document, a condition is relaxed), nothing else tells the region's editor that their guide may now be out of date. Flanders' shared product catalogue (IPDC/LPDC) keeps municipal instances honest the same way: each instance knows the concept version it follows.

## CAT301 unknown-item
cat301-summary = a regional entry for a national item that does not exist
cat301-what =
    A file `regions/<region>/<code>.yaml` implements the national item `national/<code>.yaml`; that file must exist. Items only the region has belong in `regions/<region>/local/`.
cat301-why =
    An entry without its national item has no standard to inherit from or be measured against, usually because the code is mistyped or the item was retired.

## CAT302 unknown-ref
cat302-summary = a `ref` to a national line that does not exist
cat302-what =
    Each `ref` in an entry's `conditions`, `materials` and `fees` must name the `id` of a line in the same list of the national item.
cat302-why =
    `ref` is how a regional line stays linked to the catalogue line it implements (目录材料关联ID). A dangling ref is an unlinked, unchecked requirement.

## CAT303 unknown-law
cat303-summary = a reference to a law that is not in the laws registry
cat303-what =
    Every law id, in `legal_basis`, `implementation_basis`, a material's or fee's `basis` and a personal-data line's `basis`, and a repealed law's `replaced_by`, must be an `id` in catalog/registries/laws.yaml.
cat303-why =
    The registry holds each law's title and 文号 once; guides print them from there. A reference to a missing id prints nothing where the legal basis should be.

## CAT304 unknown-certificate
cat304-summary = a material or result linked to an unregistered e-certificate type
cat304-what =
    A material's `certificate` names the e-certificate (电子证照) that can replace it, and a result's `certificate` the e-certificate an item issues; each must be an `id` in catalog/registries/certificates.yaml.
cat304-why =
    免提交 works only when the certificate type exists on the e-certificate platform. An unknown type promises applicants a waiver that no office can grant, or, on a result, an event a document that no step produces.

## CAT305 unknown-member
cat305-summary = an event member that is not a national item or a local item of the event's region
cat305-what =
    Each code in an event's `members` must be a national item in catalog/national/; a regional event (`catalog/regions/<region>/events/`) may also list the region's own local items (`catalog/regions/<region>/local/`).
cat305-why =
    An event (一件事) merges its members' materials and time limits. A missing member silently drops its documents from the merged list the applicant relies on.

## CAT306 unknown-parent
cat306-summary = a region whose parent region does not exist
cat306-what =
    A region's `parent` must be the code of another region in catalog/regions/.
cat306-why =
    Entries inherit from the parent region's entries. A broken chain makes a city silently skip its province's regional standard.

## CAT307 parent-level
cat307-summary = a region whose parent is not at a higher level
cat307-what =
    A region's parent must sit at a higher administrative level (a city's parent is a province, a county's a city or a province), and following parents must never come back to the region itself.
cat307-why =
    Inheritance runs from the higher level down. A parent at the same or a lower level, or a loop, makes the effective entry of a region undefined.

## CAT308 region-code
cat308-summary = a region code that does not fit its level or lie under its parent's code
cat308-what =
    A region's 6-digit GB/T 2260 `code` must have the shape of its `level`, and lie under its parent's code.

    Shape: a province's code is `XX0000`; a city's is `XXXX00` (the middle two digits not `00`); a county's ends in two digits other than `00`.

    Under its parent: a region whose parent is a province begins with the province's 2 leading digits (`330100` cannot have `parent: "440000"`); a region whose parent is a city begins with the city's 4 leading digits (a county of 杭州市 `330100` is `3301xx`).

    Accepted, because GB/T 2260 has them (catalogc does not hold the list of codes, so where a case could be genuine it is accepted rather than reported):

    - the districts and counties of the municipalities (北京 11, 天津 12, 上海 31, 重庆 50), such as `110101` 东城区, under the municipality's `110100` 市辖区 or directly under `110000`, at the county level or, as some municipalities record their districts, at the city level;
    - the county-level units a province administers directly (省直辖县级行政单位, codes `XX90xx` such as `429004` 仙桃市, `419001` 济源市, `469001` 五指山市, `659001` 石河子市), directly under the province or under its `XX9000` code, at the county level or at the city level (many exercise a prefecture's powers);
    - any county directly under its province, when the province's 2 digits match (catalogc cannot tell a directly administered unit from a county whose city is simply not in the catalog).

    Not checked: townships and villages (their 9- or 12-digit statistical codes do not fit the 6 digits of a region folder), a parent that is missing (CAT306) or not above the region (CAT307), and the code under a parent whose own code does not fit the parent's level (that parent is reported itself).
cat308-why =
    The region code is the address of everything a region publishes: it names the folder, it is the registration region inside every department's credit code and the prefix of the region's local item codes, and the national platform files the region's entries under it. A code copied from another region (a new city folder made from 深圳's and given the wrong code), or a level that disagrees with the code, files a region's services under someone else's name, and the inheritance from the parent region then joins two unrelated places.

## CAT309 credit-code-region
cat309-summary = a department's credit code registered outside the entry's region and the regions above it
cat309-what =
    Characters 3–8 of a 统一社会信用代码 are the GB/T 2260 code of the region where the organisation was registered (登记管理机关行政区划码, GB 32100). For the `department.credit_code` of every regional entry and local item, that region must be the entry's own region or one of the regions above it (its parent, its parent's parent, as the `parent` chain of catalog/regions/ has them); `100000`, the code of the central registration authorities, is accepted everywhere. Entries whose region folder has no valid region.yaml are not checked.
cat309-why =
    The credit code identifies the implementing body (实施主体) on the national platform. A code copied from another region's entry (a 广州 department's code in a 深圳 entry) attaches the region's service to an office that does not deliver it. It is a warning, not an error, because a department of a higher level sometimes really serves a region itself (a provincial department handling an item in a city), and a code issued before a change of the divisions can carry an old region code. An approved exception does not apply here: exceptions approve deviations from the national standard, and a credit code is either the department's or a mistake.

## CAT310 local-code-region
cat310-summary = a local item code that does not begin with its region's code prefix
cat310-what =
    The `code` of a local item (catalog/regions/<region>/local/<code>.yaml) must begin with the code prefix of its region, read from the region's GB/T 2260 code:

    - a city's local item: the city's 4 leading digits (杭州市 `330100`: `3301…`);
    - a province's, a county's or a township's local item: the province's 2 leading digits (浙江省 `330000` and every county of it: `33…`).

    A county's or a township's local item is held to its province's 2 digits only: local coding rules differ on whether county items repeat the city's digits (the sample catalog's 张店区 item `372082001001` does not), and catalogc reports only what is certainly wrong. Local items of a region without a valid region.yaml are not checked.
cat310-why =
    A local item's code is unique nationally only because it begins with its region's digits: the code `440520001001` belongs to 汕头 (4405). Filed under 杭州, it collides with 汕头's own item of that number on the national platform, and every search, statistic and 实施编码 built from it names the wrong place.

## CAT311 duplicate-region-name
cat311-summary = two regions with the same name
cat311-what =
    Two regions must not have the same `name`. Each of them is reported, naming the other.

    Accepted, because GB/T 2260 has them: two counties (or townships) of the same name under different parents, such as the 鼓楼区 of 南京, 徐州, 福州 and 开封, or the 朝阳区 of 北京 and 长春; and the placeholder names GB/T 2260 gives to groupings rather than places (市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划). Provinces and cities are named uniquely in GB/T 2260, and two regions under the same parent never share a name, so those are always reported.
cat311-why =
    Editors, applicants and the portal find a region by its name. A region folder copied from another and given a new code but not a new name (two 深圳市) shows two regions with the same name and different services in the portal's lists and the conformance report, and nobody can tell which one is meant.

## CAT312 local-item-level
cat312-summary = a local item not delivered at its own region's level
cat312-what =
    A local item (`regions/<region>/local/<code>.yaml`) is an item only its region has, delivered by that region: its `levels` (行使层级) must include the level of the region whose folder holds it. A city's local item listing only `county` is reported.
cat312-why =
    The region that publishes a local item is the one that implements it; a level it does not hold would route the item to offices that do not know it and leave the region's own guide without an implementing level.

## CAT313 event-size
cat313-summary = a regional event with fewer than 3 or more than 9 members
cat313-what =
    An event a region defines (`catalog/regions/<region>/events/<id>.yaml`) lists 3 to 9 member items.
cat313-why =
    A region's 一件事 is a bundle its portal offers as one application; two items are a link between guides, not a bundle, and more than nine is no longer one thing an applicant can follow. National events are the national office's and only need two.

## CAT314 repealed-law
cat314-summary = a file cites a law the registry marks repealed
cat314-what =
    A law in catalog/registries/laws.yaml with a `repealed` date (废止日期) on or before the reference date (`--as-of`, else today) may no longer be cited: in `legal_basis`, `implementation_basis`, a material's or fee's `basis` or a personal-data line's `basis`. A repeal dated later is a warning until that day. The help names the law that replaces it when the registry says (`replaced_by`).
cat314-why =
    A guide that cites a repealed regulation tells the applicant a rule that no longer binds anyone, and an item set by a repealed regulation may itself have lost its basis: the national office must re-examine it. The registry records the repeal once; every item citing the law is then found.

## CAT315 law-amended
cat315-summary = a law a file cites was amended after the file was last reviewed
cat315-what =
    Warns when a national item, regional entry or local item cites a law (in any basis, as CAT303 lists them) whose `amended` date (最近修正日期) in catalog/registries/laws.yaml is later than the file's `reviewed` date and not later than the reference date. One warning per law, at its first citation.
cat315-why =
    An amendment can change conditions, materials, limits or fees. The file's `reviewed` date says when its content was last confirmed; if the law changed since, the content may be out of date until an editor confirms it against the amended text and moves `reviewed`.

## CAT316 unknown-situation
cat316-summary = a line's `situations` names no situation of the item
cat316-what =
    A material or condition line may carry `situations: [ids]`: it applies only in those situations (办理情形). In a national item each id must be one of the item's own `situations`; in a regional entry, one of the national item's situations or one the region (or a parent region) adds in its `situations` list. The help names the closest known id.
cat316-why =
    A line that names an unknown situation applies in no situation at all: the material silently disappears from every guide and from the per-situation diff. Most often the id is a typo (`employmnet`), or a situation was renamed nationally and the regional line was not.

## CAT317 overlapping-restatement
cat317-what =
    In a regional entry, the same `ref` may appear on several lines of `materials` or `conditions` (restating or omitting it) when their situations are disjoint: `{ "{" }ref: photo, situations: [employment]{ "}" }` and `{ "{" }ref: photo, situations: [housing], omitted: 理由{ "}" }`. Two such lines that cover the same situation are an error; a line without `situations` covers every situation. (Two lines without `situations` for the same ref are CAT108.)
cat317-summary = two lines for the same `ref` cover the same situation
cat317-why =
    With two lines for one situation, it is undefined which one an applicant in that situation sees: the guide, the portal and the diff could each pick a different one, and a restatement could silently hide an omission.

## CAT318 deferred-proof
cat318-summary = the material that proves a situation is accepted to follow later (容缺)
cat318-what =
    A national situation may list in `proof` the materials that prove an applicant is in it (the labour contract for 以合法稳定就业申领). Such a material may not be `deferrable` (容缺受理) in that situation, in the national item or in a regional entry. It may be deferrable in other situations (restate it per situation).
cat318-why =
    容缺受理 accepts an application while a non-essential document follows later. The proof of the situation is essential: without it the office cannot know which conditions and materials apply, so the application cannot be accepted on its basis.

## CAT319 waived-deferrable
cat319-summary = a material is both waived and accepted to follow later
cat319-what =
    Warns when a material line, as a national item or a regional entry states it (a restating line merged with the national line), has both `waived_by` (免提交: the office fetches it itself) and `deferrable: true` (容缺: the applicant hands it in later).
cat319-why =
    The two say different things to the applicant: the guide would tell them both that they need not bring the document and that they must bring it within so many days. One of the two is a leftover; keep the one the office practises.


## CAT022 fullwidth-punctuation
cat022-summary = full-width punctuation where YAML needs an ASCII character
cat022-what =
    Finds characters typed with a Chinese input method in the places where YAML needs its ASCII syntax: `：` after a key (`address： …`), `，` between the items of a flow list or mapping (`[a， b]`, `{ "{" }days: 15， unit: …{ "}" }`), the full-width space U+3000 as indentation or after `:` and `-`, `“ ”` around a value meant to be quoted, and `【】` around a list. The same characters inside a value (Chinese text such as `周一至周五 9:00-12:00，14:00-18:00` or `“最多跑一次”`) are text and are left alone. Each slip is one finding at its own line and column, naming the character and the ASCII one meant, with a fix that replaces it (`catalogc check --fix`). The rest of the file is checked as if the slip were repaired, so a slip does not also produce unknown keys or missing keys.
cat022-why =
    To YAML, `address： x` is not the key `address` but a plain text `address： x`, and `{ "{" }ref： application{ "}" }` is a mapping with one odd key: the parser or the schema then complains about something else, on another line, in terms that do not mention the character at fault. The slip is invisible in most editors' fonts.

## CAT023 suppression-expired
cat023-summary = an inline acknowledgement past its expiry date
cat023-what =
    An inline acknowledgement accepts one finding, on the node it is written beside: `# catalogc: allow CODE -- reason until YYYY-MM-DD`, as a comment at the end of the node's line or on a comment line of its own just above it. This rule reports one whose date has passed (the check's `--as-of` date, default today). The finding it accepted counts again.
cat023-why =
    An acknowledgement is a documented, temporary exception to a warning or an error; without an end it becomes a permanent hole nobody reviews. Suppressions change the exit status only: the finding is still reported (as suppressed, with its reason and date), and a conformance deviation is still a deviation in `catalogc diff`, the scores and every report (only an approved exception in the entry accepts one).

## CAT024 suppression-unused
cat024-summary = an inline acknowledgement that matches no finding
cat024-what =
    Reports a `# catalogc: allow CODE -- reason until YYYY-MM-DD` comment when no finding with that code starts on the node it is written beside (its own line, or the next line when the comment stands alone).
cat024-why =
    A problem that was fixed leaves its acknowledgement behind; if it stayed, it would silently accept the next problem of that kind on the same node. Remove it.

## CAT025 suppression-malformed
cat025-summary = an inline acknowledgement without a code, a reason or an expiry date
cat025-what =
    Reports a comment that starts `# catalogc:` but is not `allow CODE -- reason until YYYY-MM-DD`: one code (`CAT109`), a reason after ` -- `, and an expiry date. Such a comment accepts nothing.
cat025-why =
    Every acknowledgement must say why and until when, so that a reviewer can judge it and it ends; a bare `allow` would be an unaccountable switch.

## CAT026 baseline-stale
cat026-summary = a baseline entry that matches no finding
cat026-what =
    A catalog adopting catalogc with many findings records them once in `.catalogc-baseline.json` at the catalog root (`catalogc check --write-baseline`); from then on only new findings fail. Each entry names a code, a file, the YAML path (JSON Pointer) of the node and a hash of the node's value, so that edits elsewhere in the file, which move lines, keep it matched, and a change of the value itself revives the finding. This rule reports an entry that matches no finding any more: the problem was fixed (or its value changed).
cat026-why =
    A baseline should only shrink. A stale entry would accept a future problem of the same kind on the same node unseen; run `catalogc check --write-baseline` again to drop it.

## CAT030 attachment-missing
cat030-summary = an attachment names a file that does not exist
cat030-what =
    A `blank_form` or `example` of a material, or a `result.sample_file`, names its file with `file:`, relative to the folder of the YAML file that states it (`000120010000/申请表.pdf` beside `000120010000.yaml`). This rule reports a `file:` that names no regular file there: it is missing, a folder, or cannot be read.
cat030-why =
    A guide would link a form that a citizen cannot download, and the build would publish a broken link. A misspelt or moved file is found before it reaches the portal.

## CAT031 attachment-size
cat031-summary = an attachment larger than the attachment size limit
cat031-what =
    An attachment larger than `limits.max_attachment_bytes` in catalog/catalog.yaml (default 10 MiB). Only the file's size is looked at; it is not read.
cat031-why =
    Every attachment is copied into the output and downloaded by citizens, often on a phone. A scan at full resolution or a file added by mistake would weigh on every build, every clone of the catalog and every download.

## CAT032 attachment-type
cat032-summary = an attachment that is not PDF, DOC/DOCX, XLS/XLSX, PNG or JPEG
cat032-what =
    An attachment must be PDF, Word (.doc, .docx), Excel (.xls, .xlsx), PNG or JPEG, by its file name's ending and by its first bytes: a `.pdf` must start with `%PDF-`, a `.png` with the PNG signature, a `.jpg` or `.jpeg` with the JPEG marker, a `.doc` or `.xls` with the OLE compound file signature and a `.docx` or `.xlsx` with the ZIP signature.
cat032-why =
    The portal serves attachments with the media type their ending promises. A file that is something else (an executable renamed `.pdf`, an HTML page saved as `.doc`) would reach citizens under a false name.

## CAT033 attachment-symlink
cat033-summary = an attachment that is a symbolic link
cat033-what =
    The attachment's file, or a folder on its path below the YAML file's folder, is a symbolic link. catalogc never follows links.
cat033-why =
    A link can point anywhere on the machine that builds the catalog (a key, a password file, another project) and the build would publish what it points at. Attachments are regular files inside the catalog, committed with it.

## CAT034 attachment-path
cat034-summary = an attachment path that leaves the folder of its file
cat034-what =
    The `file:` of an attachment is a relative path of plain names separated by `/`, inside the folder of the YAML file that states it. This rule reports an absolute path (`/…`, `C:…`), a backslash, a `.` or `..` part, an empty part (`a//b.pdf`), and control characters (NUL, a line break).
cat034-why =
    A path that climbs out of its folder could reach another region's files or anything outside the catalog, and a backslash or control character means something else on each system. Keeping each attachment beside its file makes what a region publishes its own.