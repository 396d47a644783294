#!/usr/bin/env python3
"""Signs in to the console as a person would, and prints the session cookie as a Cookie header value.

    benchmarks/console-login.py <console URL> <username> [<password>]

The console is an OIDC web-app: a page without a session redirects to Keycloak; Keycloak 26 with organizations asks
the username on one form and the password on the next; its redirect back carries the code, which the console
exchanges for the tokens and keeps in its encrypted session cookie (q_session, or q_session_chunk_N when long). This
follows exactly those steps with urllib (no other dependency), then prints "q_session=...". It exits 1, saying why,
if a step does not lead where it should (a login page shown again means the password was refused).
"""
import html
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

console, user = sys.argv[1].rstrip("/"), sys.argv[2]
password = sys.argv[3] if len(sys.argv) > 3 else "devshare"


class LoopbackPolicy(http.cookiejar.DefaultCookiePolicy):
    """Sends Secure cookies over plain http on loopback, as browsers do for 127.0.0.1 and localhost."""

    def return_ok_secure(self, cookie, request):
        return True


jar = http.cookiejar.CookieJar(policy=LoopbackPolicy())
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))


def fail(msg):
    sys.exit(f"error: console sign-in as {user}: {msg}")


def form_of(page):
    """The first form's action and its fields (hidden ones included), as the login page has them."""
    m = re.search(r"<form\b[^>]*\baction=\"([^\"]+)\"[^>]*>(.*?)</form>", page, re.S | re.I)
    if not m:
        return None, {}
    fields = {}
    for inp in re.finditer(r"<input\b[^>]*>", m.group(2), re.I):
        name = re.search(r"\bname=\"([^\"]*)\"", inp.group(0))
        value = re.search(r"\bvalue=\"([^\"]*)\"", inp.group(0))
        if name:
            fields[html.unescape(name.group(1))] = html.unescape(value.group(1)) if value else ""
    return html.unescape(m.group(1)), fields


def open_(url, data=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    try:
        with opener.open(urllib.request.Request(url, data=body), timeout=30) as r:
            return r.geturl(), r.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        fail(f"{url.split('?')[0]} answered {e.code}")


# A page that needs a session: the console sends the browser to Keycloak's login page.
url, page = open_(console + "/settings")
for step in range(3):  # username, then password (one form when the realm asks both at once)
    if url.startswith(console):
        break
    action, fields = form_of(page)
    if action is None:
        fail(f"no login form at {url.split('?')[0]}")
    if "password" in fields:
        fields["password"] = password
        if "username" in fields:
            fields["username"] = user
    elif "username" in fields:
        fields["username"] = user
    else:
        fail(f"a form without username or password at {url.split('?')[0]}")
    fields.pop("rememberMe", None)
    url, page = open_(action, fields)
if not url.startswith(console):
    fail(f"still at {url.split('?')[0]} after the login forms (wrong password?)")

cookies = sorted((c for c in jar if c.name.startswith("q_session")), key=lambda c: c.name)
if not cookies:
    fail("back at the console but no q_session cookie was set")
print("; ".join(f"{c.name}={c.value}" for c in cookies))
