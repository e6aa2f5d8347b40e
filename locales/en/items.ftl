# Item rules (CAT1xx) and the file-name and code-pattern rules (CAT011, CAT012, CAT021).

## Shared pieces
zero-visits = 0 visits
problem-separator = ;{" "}

## CAT011 file-name ($what: file or folder)
cat011-message = { $key } `{ $value }` differs from the { $what ->
    [folder] folder name
   *[file] file name
} `{ $expected }`
cat011-label = the { $what ->
    [folder] folder name
   *[file] file name
} says `{ $expected }`
cat011-help = rename the { $what ->
    [folder] folder
   *[file] file
} to `{ $value }`, or correct the { $key }

## CAT012 code-pattern ($kind: national or local)
cat012-regex = the pattern is not a valid regular expression: { $error }
cat012-message = code `{ $code }` does not match the { $kind } code pattern
cat012-label-example = not the form of the catalog's { $kind } codes, such as `{ $example }`
cat012-label = not the form of the catalog's { $kind } codes
cat012-help = see `code_patterns.{ $kind }` in catalog/catalog.yaml

## CAT021 format-version
cat021-message = the catalog is written for format { $version }; this catalogc reads format { $format }
cat021-label = an earlier format
cat021-help = run `catalogc migrate` (or `catalogc migrate --diff` to see the changes first)

## CAT101 committed-limit
cat101-message = committed limit of { $committed } exceeds the statutory limit of { $statutory }
cat101-message-why = committed limit of { $committed } exceeds the statutory limit of { $statutory } ({ $why })
cat101-why-working = { $days } working days always take at least as many calendar days
cat101-why-calendar = { $statutory } take at most { $days } calendar days
cat101-statutory = the statutory limit is { $statutory }
cat101-help = promise at most { $statutory }

## CAT102 limit-unit
cat102-message = a committed limit of { $committed } may exceed the statutory limit of { $statutory }, depending on weekends and holidays
cat102-label = at most { $bound } keeps within { $statutory }
cat102-help = promise at most { $bound }, or state the limit in the statute's unit (at most { $same_unit })

## CAT103 handling
cat103-immediate = 即办件 (`handling: immediate`) must commit to 0 days, not { $days }
cat103-zero-days = a committed limit of 0 days makes this a 即办件, but `handling` says otherwise
cat103-help = set `handling: immediate` exactly when `committed_limit.days` is 0

## CAT104 fee-basis
cat104-message = fee `{ $name }` is charged but names no legal basis
cat104-message-unnamed = fee `this fee` is charged but names no legal basis
cat104-help = add `basis:` with the id of the law that allows the fee

## CAT105 visits
cat105-message = zero visits, but no online, mobile or mail channel
cat105-help = add `online: {"{"}url: …{"}"}`, `mobile: true` or `mail: true`, or count the visits

## CAT106 insecure-url
cat106-message = online service address is not https
cat106-label = not https
cat106-help-fixed = use `{ $url }`
cat106-help = use an https:// address

## CAT107 credit-code
cat107-message = credit code `{ $code }` fails its GB 32100 check digit
cat107-label = the first 17 characters call for `{ $expected }` at the end
cat107-help = copy the code again from the 统一社会信用代码 register; a character is likely mistyped

## CAT108 duplicate-id
cat108-message = `{ $key }: { $id }` appears twice in `{ $list }`
cat108-label = second
cat108-first = first
cat108-help = give each line its own id

## CAT109 review
cat109-old = last reviewed { $age } days ago, more than the review interval of { $interval } days
cat109-old-help = confirm the content with the implementing department and update `reviewed`
cat109-future = reviewed date { $date } lies in the future
cat109-future-help = use the date the content was actually confirmed

## CAT110 personal-data ($missing: "purpose", "basis" or "purpose basis")
cat110-message = personal data `{ $field }` is collected without a stated { $missing ->
    [purpose] purpose
    [basis] basis
   *[other] purpose or basis
}
cat110-help = add `{ $missing ->
    [purpose] purpose
    [basis] basis
   *[other] purpose` and `basis
}` to the line, or stop collecting the field

## CAT112 task-code
cat112-message = 实施编码 `{ $task_code }` is not this entry's: { $problems }
cat112-length = it has { $length } characters where this entry's has { $expected } (18 of the credit code, 1 of the level, { $code } of the item code)
cat112-credit = characters 1–18 are `{ $written }`, not the department's credit code `{ $credit }`
cat112-level = character 19 is `{ $written }`, not `{ $digit }` for the { $level } level
cat112-code = characters 20–{ $end } are `{ $written }`, not the item code `{ $code }`
cat112-label = expected `{ $expected }`
cat112-credit-label = the department's credit code
cat112-help = a 实施编码 is the department's credit code, the level's digit and the item code: write `task_code: "{ $expected }"`, or remove `task_code`

## CAT113 waiver-without-certificate
cat113-message = material { $name } is waived by e-certificate, but names no e-certificate type
cat113-label = 电子证照免提交 without `certificate`
cat113-national = the national material names no e-certificate type
cat113-help = name the e-certificate type that replaces the material (`certificate: <id>` from catalog/registries/certificates.yaml, in the national item for a national material), or waive it another way (`data_sharing`, `commitment`), or remove `waived_by`

## CAT114 waiver-note
cat114-message = material `{ $reference }` is waived, but keeps its national note “{ $note }”, written for handing it in
cat114-label = waived here
cat114-help = restate `note` for the waiver (guides show the region's note for a waived document, never the national one), for example `note: 以电子证照核验，无需提交`

## CAT115 illustrative-path ($holder: file or exception)
cat115-message = `{ $path }` is marked illustrative, but { $holder ->
    [exception] this exception
   *[file] this file
} states no such value
cat115-label = marks nothing
cat115-help = name a value stated here (`statutory_limit`, `contact.phone`), or remove the path; an inherited value is marked in the file that states it

## CAT116 on-site-step
cat116-message = 0 visits are promised, but process step `{ $id }` ({ $name }, from { $from }) needs the applicant on site
cat116-from-own = this entry's own process
cat116-from-national = the national item { $item }
cat116-from-entry = the entry of { $file }
cat116-help = restate `process` for this region (how the step is done without coming in), or count the visit in `visits`
cat117-message = the change scheduled for { $date } is in force: { $fields } now read from `scheduled`
cat117-help = write its values into the fields themselves and remove the change from `scheduled`
