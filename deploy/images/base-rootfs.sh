#!/usr/bin/env bash
# The base image's file system, from what a build machine can reach without a registry: the C library from
# Debian's archive (apt-get download: no root, nothing installed) and a Java runtime linked by jlink from the JDK
# that builds Fupin. Nothing else: no shell, no package manager, no tools an intruder could use.
#   base-rootfs.sh OUT_DIR JAVA_HOME
set -euo pipefail

out=$1
jdk=$2
debs=$(dirname "$out")/debs

rm -rf "$out" "$debs"
mkdir -p "$out" "$debs"

# glibc and the unwinder it loads for thread cancellation; the dynamic loader at the path every ELF names
# (and the GCC base package that holds libgcc's copyright). A machine that never read its package lists (a fresh
# container) reads them first, if it may
if ! apt-cache show libc6 > /dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
  else
    echo "base-rootfs.sh: apt knows no libc6 package: run 'sudo apt-get update' once" >&2
    exit 1
  fi
fi
gcc_base=$(apt-cache depends libgcc-s1 | grep -o 'gcc-[0-9]*-base' | head -1)
(cd "$debs" && apt-get download libc6 libgcc-s1 "$gcc_base" 2>&1 | grep -v '^W: Download is performed unsandboxed' || true)
ls "$debs"/libc6_*.deb "$debs"/libgcc-s1_*.deb > /dev/null
for deb in "$debs"/*.deb; do
  dpkg-deb -x "$deb" "$out"
done
rm "$out/lib64/ld-linux-x86-64.so.2"
cp "$out/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" "$out/lib64/"
rm -rf "$out/sbin" "$out/usr/bin" "$out/usr/sbin" "$out/usr/libexec" "$out/usr/lib/x86_64-linux-gnu/gconv" \
  "$out/usr/share/locale" "$out/usr/share/lintian" "$out/etc/ld.so.conf.d"
find "$out/usr/share/doc" -type f ! -name copyright -delete
# nothing the image's builder would follow into the void
find "$out" -xtype l -delete

# the Java SE modules and the JDK's few the services use at run time (Unsafe for Netty, the flight recorder,
# JMX, DNS, Chinese locale data for dates and numbers); its own CA certificates and time zones
"$jdk/bin/jlink" --output "$out/opt/java" --strip-debug --no-man-pages --no-header-files --compress=zip-6 \
  --add-modules java.se,jdk.unsupported,jdk.jfr,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.localedata,jdk.zipfs,jdk.crypto.cryptoki

# who runs the services: not root
mkdir -p "$out/etc" "$out/tmp" "$out/home/fupin" "$out/proc" "$out/sys" "$out/dev"
printf 'root:x:0:0:root:/root:/sbin/nologin\nfupin:x:10001:10001:Fupin:/home/fupin:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nfupin:x:10001:\n' > "$out/etc/group"

