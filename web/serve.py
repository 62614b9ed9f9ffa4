#!/usr/bin/env python3
"""A small static server for Green Actor's dist/ folder (Python standard library only).

- binds to 127.0.0.1 (``--host`` to change), port 8080 by default (``--port``)
- serves ``application/wasm`` and the other types the game needs
- serves the precompressed ``file.br`` / ``file.gz`` made by web/build when the request's
  Accept-Encoding allows it, with Content-Encoding, Vary and the right Content-Length
- ``Cache-Control: no-cache`` (always revalidate: file names carry no hash)
- a missing ``kiosk.json`` is ``204 No Content`` (the page asks for it on every load)
- quiet; ``--verbose`` logs one line per request

Usage: python3 web/serve.py [--dir DIST] [--port 8080] [--host 127.0.0.1] [--verbose]
"""

import argparse
import email.utils
import os
import posixpath
import sys
import urllib.parse
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".css": "text/css; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".otf": "font/otf",
    ".ttf": "font/ttf",
    ".woff2": "font/woff2",
    ".ogg": "audio/ogg",
    ".wav": "audio/wav",
    ".mp3": "audio/mpeg",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".ron": "text/plain; charset=utf-8",
}

# Preferred first.
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def accepted_encodings(header):
    """The codings the client accepts (q > 0), from an Accept-Encoding header."""
    accepted = {}
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        coding = fields[0].lower()
        if not coding:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        accepted[coding] = q
    star = accepted.get("*")
    result = set()
    for coding, _ in ENCODINGS:
        q = accepted.get(coding, star if star is not None else 0.0)
        if q > 0:
            result.add(coding)
    return result


class Handler(SimpleHTTPRequestHandler):
    server_version = "GreenActorServe/1"
    protocol_version = "HTTP/1.1"
    verbose = False

    def log_message(self, format, *args):  # noqa: A002 (stdlib signature)
        if self.verbose:
            sys.stderr.write("%s %s\n" % (self.log_date_time_string(), format % args))

    def guess_type(self, path):
        ext = posixpath.splitext(path)[1].lower()
        return TYPES.get(ext) or super().guess_type(path) or "application/octet-stream"

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            parts = urllib.parse.urlsplit(self.path)
            if not parts.path.endswith("/"):
                # Same as the standard server: a folder URL gets its slash.
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                new_parts = (parts[0], parts[1], parts[2] + "/", parts[3], parts[4])
                self.send_header("Location", urllib.parse.urlunsplit(new_parts))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            path = os.path.join(path, "index.html")
        # Every page asks for the optional kiosk.json: "there is none" is an answer, not an
        # error (a 404 is a console error in the browser).
        if os.path.basename(path) == "kiosk.json" and not os.path.exists(path):
            self.send_response(HTTPStatus.NO_CONTENT)
            self._common_headers(path)
            self.end_headers()
            return None
        # Never serve the compressed copies as such, nor anything that is not a plain file.
        if path.endswith((".br", ".gz")) or not os.path.isfile(path):
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None

        ctype = self.guess_type(path)
        accepted = accepted_encodings(self.headers.get("Accept-Encoding"))
        encoding, send_path = None, path
        for coding, suffix in ENCODINGS:
            if coding in accepted and os.path.isfile(path + suffix):
                encoding, send_path = coding, path + suffix
                break

        try:
            f = open(send_path, "rb")
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        try:
            fs = os.fstat(f.fileno())
            mtime = int(os.stat(path).st_mtime)
            ims = self.headers.get("If-Modified-Since")
            if ims and "If-None-Match" not in self.headers:
                try:
                    since = email.utils.parsedate_to_datetime(ims).timestamp()
                except (TypeError, ValueError, IndexError, OverflowError):
                    since = None
                if since is not None and mtime <= since:
                    self.send_response(HTTPStatus.NOT_MODIFIED)
                    self._common_headers(path)
                    self.end_headers()
                    f.close()
                    return None
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", ctype)
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Content-Length", str(fs.st_size))
            self.send_header("Last-Modified", self.date_time_string(mtime))
            self._common_headers(path)
            self.end_headers()
            return f
        except Exception:
            f.close()
            raise

    def _common_headers(self, path):
        # Compressed copies exist for some files only, but caches must always key on encoding.
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "no-cache")

    def copyfile(self, source, outputfile):
        try:
            super().copyfile(source, outputfile)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page went away mid-download (reload, closed tab)

    def handle(self):
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        if Handler.verbose:
            super().handle_error(request, client_address)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description="Serve Green Actor's dist/ folder.")
    parser.add_argument("--dir", default=os.path.join(here, "..", "dist"), help="folder to serve (default: dist/)")
    parser.add_argument("--port", type=int, default=8080, help="port (default: 8080)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--verbose", action="store_true", help="log one line per request")
    args = parser.parse_args()

    root = os.path.abspath(args.dir)
    if not os.path.isfile(os.path.join(root, "index.html")):
        sys.exit(f"serve.py: {root} has no index.html (run web/build first)")
    Handler.verbose = args.verbose

    def handler(*a, **kw):
        return Handler(*a, directory=root, **kw)

    try:
        httpd = Server((args.host, args.port), handler)
    except OSError as err:
        sys.exit(f"serve.py: cannot listen on {args.host}:{args.port}: {err}")
    print(f"serve.py: serving {root} at http://{args.host}:{httpd.server_address[1]}/", flush=True)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()


if __name__ == "__main__":
    main()
