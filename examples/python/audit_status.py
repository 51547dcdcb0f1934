#!/usr/bin/env python3
"""Each outlet's attribution statuses, from the audit export.

Downloads GET /export/audit.csv from a running Market Narrative Graph server (the audit
filter as query parameters), loads it into pandas, and prints one row per publishing outlet
with how many of its claims are CORROBORATED, SINGLE_SOURCE, UNCITED and CONFLICTING, how
many have disputed figures, and the total.

    python3 examples/python/audit_status.py --url http://127.0.0.1:4000 --asset BTC

Needs pandas and requests (Debian: apt-get install python3-pandas python3-requests).
Exits 1 with the server's message when it refuses the filter.
"""

import argparse
import io
import sys

import pandas as pd
import requests

STATUSES = ["CORROBORATED", "SINGLE_SOURCE", "UNCITED", "CONFLICTING"]
FILTERS = ["source", "asset", "narrative", "event", "status", "from", "to", "articleUrl"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:4000", help="the server's origin")
    for name in FILTERS:
        parser.add_argument(f"--{name}", help=f"audit filter: {name}")
    args = parser.parse_args()
    params = {name: getattr(args, name) for name in FILTERS if getattr(args, name) is not None}

    response = requests.get(f"{args.url}/export/audit.csv", params=params, timeout=300)
    if response.status_code != 200:
        try:
            message = response.json()["errors"][0]["message"]
        except (ValueError, KeyError, IndexError, TypeError):
            message = response.text[:300]
        print(f"the server refused the export ({response.status_code}): {message}", file=sys.stderr)
        return 1

    claims = pd.read_csv(io.StringIO(response.text), keep_default_na=False)
    if claims.empty:
        print("no claims in scope")
        return 0
    counts = pd.crosstab(claims["publisher"], claims["status"]).reindex(columns=STATUSES, fill_value=0)
    # pandas reads the column's true/false as booleans.
    disputed = claims["figuresDisputed"].astype(str).str.lower() == "true"
    counts["figuresDisputed"] = disputed.groupby(claims["publisher"]).sum().astype(int)
    counts["total"] = claims.groupby("publisher").size()
    counts = counts.sort_values(["total", "publisher"], ascending=[False, True])
    print(counts.to_string())
    return 0


if __name__ == "__main__":
    sys.exit(main())
