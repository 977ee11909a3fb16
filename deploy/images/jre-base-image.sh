#!/usr/bin/env bash
# Builds a minimal Java 17 runtime image as a `docker save` tarball, without Docker or a registry:
# a jlink'ed runtime from the local JDK plus the few shared libraries it needs from this machine.
# jib can use it as its base image (-Djib.from.image=tar://<file>) where no registry is reachable,
# for example to build images for a local cluster. Production images should use a maintained
# base image from your registry instead (see deploy/README.md).
#
# usage: deploy/images/jre-base-image.sh [output.tar]   (default: deploy/target/jre17-base.tar)
# needs: a JDK 17 with jmods (JAVA_HOME or the java on PATH), tar, sha256sum, ldd.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../target/jre17-base.tar}"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[[ -d "$java_home/jmods" ]] || { echo "no jmods in $java_home: need a full JDK 17" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"
mkdir -p "$root/opt" "$root/etc" "$root/tmp" "$root/app"
chmod 1777 "$root/tmp"

# The modules a Spring Boot service on Netty, Kafka and MongoDB drivers uses.
"$java_home/bin/jlink" --output "$root/opt/java" \
  --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,java.xml.crypto,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs \
  --strip-debug --no-man-pages --no-header-files --compress=2

# Shared libraries the runtime links against, and name resolution. Services run headless: the
# X11, splash-screen and font libraries of java.desktop are never loaded, so theirs are left out.
libs=$(for f in "$root"/opt/java/bin/java "$root"/opt/java/lib/*.so "$root"/opt/java/lib/server/libjvm.so; do
  case "$(basename "$f")" in libawt_xawt.so|libsplashscreen.so|libfontmanager.so|libjawt.so|liblcms.so|libjavajpeg.so|libjsound.so) continue ;; esac
  ldd "$f" 2>/dev/null | awk '$3 ~ /^\// {print $3} $1 ~ /^\// {print $1}'
done | sort -u)
for lib in $libs /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 /lib/x86_64-linux-gnu/libresolv.so.2; do
  [[ -e "$lib" ]] || continue
  mkdir -p "$root$(dirname "$lib")"
  cp -L "$lib" "$root$lib"
done
printf 'hosts: files dns\n' > "$root/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n::1 localhost\n' > "$root/etc/hosts"
printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n' > "$root/etc/passwd"
printf 'root:x:0:\nnonroot:x:65532:\n' > "$root/etc/group"
# Debian's JDK links its CA certificates from /etc; keep a real copy where the runtime looks.
if [[ -L "$java_home/lib/security/cacerts" && -f "$(readlink -f "$java_home/lib/security/cacerts")" ]]; then
  cp -L "$java_home/lib/security/cacerts" "$root/opt/java/lib/security/cacerts"
fi

# One layer, reproducible: fixed owner and times, sorted entries.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00Z' -C "$root" -cf "$work/layer.tar" .
diff_id="sha256:$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
cat > "$work/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"2000-01-01T00:00:00Z",
 "config":{"Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"],"User":"65532:65532","WorkingDir":"/app"},
 "rootfs":{"type":"layers","diff_ids":["$diff_id"]}}
JSON
cat > "$work/manifest.json" <<JSON
[{"Config":"config.json","RepoTags":["newsroom/jre:17"],"Layers":["layer.tar"]}]
JSON
mkdir -p "$(dirname "$out")"
tar --owner=0 --group=0 --numeric-owner --mtime='2000-01-01 00:00Z' -C "$work" -cf "$out" manifest.json config.json layer.tar
echo "$out ($(du -h "$out" | cut -f1)): base image newsroom/jre:17, use -Djib.from.image=tar://$(readlink -f "$out")"
