"""Evals against labeled cases (contracts §3 in, §4 out): metrics, the release gate, baselines, stability, reports.

The eval is how a change to the lexicon, the rules, the prompt or the model is judged, so it measures exactly what
the service returns: every case goes through the same `Pipeline` the API uses. The release gate is escalate recall,
because a risky plan routed to "notify" is the one error the guidance does not forgive; everything else is reported
for a human to weigh. Reports are plain data so a later run can be compared against an earlier one (`--baseline`).

`cases` reads labeled case files, `run` runs them through a pipeline, `metrics` scores the runs, `report` is the
report's model and its markdown and HTML renderings, `compare` judges a run against a baseline report, `retriage`
re-runs stored cases and exports contacts' reviews as labeled cases, and `cli` wires them to `triage eval`,
`triage retriage` and `triage export-reviews`.
"""
