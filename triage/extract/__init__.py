"""Extraction: a plan (through the intake stage) in, AI-use records out.

`protocol.Extractor` is the interface; `factory.build_extractor` picks one from the settings: `lexical/` (the
offline reader: reader, lexicon, language), `llm/` (client, schema, prompt, cache, extractor) and `hybrid`
(the LLM with the lexical reader as a tripwire). `evidence` verifies that a quote is in the plan.
"""
