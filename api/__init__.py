"""The HTTP service: the JSON API under /v1 and the server-rendered pages for partners and studio contacts."""
