"""Checks the emulator's OpenAPI document with real tools (run by scripts/test-openapi.sh).

1. openapi-spec-validator validates the committed document and the one a running emulator serves,
   and the two are equal.
2. schemathesis runs its examples, coverage, fuzzing and stateful phases against that emulator
   (rate limit off, faults off, the fault queue not fuzzed) with the checks: not_a_server_error, status_code_conformance,
   content_type_conformance, response_headers_conformance, response_schema_conformance.

The last line is "openapi: N passed, M failed", N and M counting schemathesis's test cases and the
validator's two documents.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import urllib.parse
import urllib.request

from openapi_spec_validator import validate

# Longer than the 1,000 years (of 366 days) the clock may be advanced in all.
TOKEN_TTL = 1_001 * 366 * 86_400
# POST /_emulator/faults turns faults on for the next requests, on purpose: not fuzzed.
EXCLUDED = ["queueFaults"]
CHECKS = ",".join([
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
])


def start_emulator(binary):
    proc = subprocess.Popen(
        [binary, "emulator", "--port", "0", "--rate-limit", "0", "--webhook-schedule", "fast",
         # Fuzzing /_emulator/clock/advance moves the clock by up to 1,000 years: the token must
         # outlive that, or every later call is a 401.
         "--token-ttl", str(TOKEN_TTL)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    first = proc.stdout.readline().strip()
    match = re.fullmatch(r"a55 emulator listening on (http://\S+)", first)
    if not match:
        proc.kill()
        sys.exit(f"the emulator did not start: {first!r}")
    return proc, match.group(1)


def token(base):
    form = urllib.parse.urlencode({"grant_type": "client_credentials",
                                   "client_id": "emulator-client",
                                   "client_secret": "emulator-secret"}).encode()
    with urllib.request.urlopen(base + "/oauth2/token", data=form, timeout=10) as res:
        return json.load(res)["access_token"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--document", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    passed = failed = 0

    with open(args.document, encoding="utf-8") as f:
        committed = json.load(f)
    proc, base = start_emulator(os.environ["A55_BIN"])
    try:
        with urllib.request.urlopen(base + "/openapi.json", timeout=10) as res:
            served = json.load(res)
        for name, doc in (("committed", committed), ("served", served)):
            try:
                validate(doc)
                print(f"openapi-spec-validator: the {name} document is valid OpenAPI {doc['openapi']}")
                passed += 1
            except Exception as e:  # the validator's own error, printed whole
                print(f"openapi-spec-validator: the {name} document is NOT valid: {e}")
                failed += 1
        if served != committed:
            print("the served document differs from emulator/openapi.json")
            failed += 1

        examples = os.environ.get("A55_SCHEMATHESIS_EXAMPLES", "25")
        seed = os.environ.get("A55_SCHEMATHESIS_SEED", "55")
        cmd = [os.path.join(os.path.dirname(sys.executable), "schemathesis"), "run",
               base + "/openapi.json",
               "--header", f"Authorization: Bearer {token(base)}",
               "--checks", CHECKS,
               "--max-examples", examples,
               # One worker: schemathesis 4.32's coverage phase fails inside itself now and then
               # when two share its caches (a KeyError in its own module), nothing to do with the API.
               "--workers", "1",
               "--report", "junit", "--report-dir", args.work,
               "--no-color"]
        for op in EXCLUDED:
            cmd += ["--exclude-operation-id", op]
        if seed != "random":
            cmd += ["--seed", seed]
        print("$ schemathesis run", base + "/openapi.json", "--checks", CHECKS,
              "--max-examples", examples, "--seed", seed, flush=True)
        # Run from the work directory: schemathesis keeps its `.schemathesis/` cache where it runs.
        run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             cwd=args.work)
        print(run.stdout)
        cases = re.search(r"(\d+) generated, (\d+) passed(?:, (\d+) failed)?", run.stdout)
        if cases:
            passed += int(cases.group(2))
            failed += int(cases.group(3) or 0)
        if run.returncode != 0:
            failed = max(failed, 1)
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(f"openapi: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
