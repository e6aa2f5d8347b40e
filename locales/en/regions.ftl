# Conformance to the national standard (CAT203–CAT213), found by the diff (src/diff/mod.rs).

## Shared pieces
value-nothing = nothing
# A line of a list: `material `photo``.
diff-line = { $field ->
    [conditions] condition
    [materials] material
    [fees] fee
    [situations] situation
   *[other] { $field }
} `{ $key }`
diff-regional = regional value
diff-national-none = the national standard has no such line
diff-national-says = the national standard says { $value }
diff-national-this = the national standard says this
diff-help = conform to the standard, or record an approved exception: `exceptions: [{"{"}field: { $field }{ $line_ref }, reason: …, approval: …, expires: …{"}"}]`
exception-line = `{ $field }` line `{ $line }`
diff-in-situations = {" "}(in situation { $names })
exception-field = `{ $field }`

## CAT203 fixed-field
cat203-message = `{ $field }` differs from the national standard

## CAT204 added-requirement
cat204-message = { $line } ({ $name }) is not in the national standard

## CAT205 stricter-requirement
cat205-value = { $line } is { $regional } where the standard allows { $national }
cat205-message = { $line }: `{ $kind }` is { $regional } where the standard says { $national }

## CAT206 changed-text
cat206-message = { $line } rewords the national { $kind }
cat206-help = changed text: { $diff }; keep the national wording, or keep a justified local one with an approved exception: `exceptions: [{"{"}field: { $field }{ $line_ref }, reason: …, approval: …, expires: …{"}"}]`

## CAT207 approved-deviation
cat207-message = approved deviation: { $message } (approved by { $approval } until { $expires })
cat207-help = reason: { $reason }

## CAT208 expired-exception
cat208-message = exception `{ $approval }` for { $what } expired on { $expires }: the deviation it approved is unapproved now
cat208-label = expired
cat208-help = renew the approval and update `expires`, or make the entry conform to the standard and remove the exception

## CAT209 unmatched-exception
cat209-message = exception for { $what } matches no deviation of this entry
cat209-help = correct its `field` or `ref`, or remove it if the deviation is gone

## CAT210 unaccounted-line
cat210-message = { $line } of the inherited list is neither restated nor omitted
cat210-label = the list restated here
cat210-help = restate the line as `- {"{"}ref: { $key }{"}"}`, or omit it with the reason: `- {"{"}ref: { $key }, omitted: 理由{"}"}`

## CAT212 omitted-requirement
cat212-condition = { $line } is a legal requirement (not `waivable`) and is omitted
cat212-situation = { $line } is not handled here (not marked `optional` in the national standard) and is omitted
cat212-message = { $line } is required by law (`statutory: true`) and is omitted

## CAT213 exception-expiring
cat213-message = exception `{ $approval }` expires on { $expires }, in { $left } days
cat213-label = expires soon
cat213-help = renew the approval and update `expires` before then, or plan to conform
