# Sourced by ./mvnw: the build needs a JDK 21 or newer (Spring Boot 4, Keycloak 26).
# Keeps JAVA_HOME when it already points at one, else takes the newest 21+ JDK under
# /usr/lib/jvm, else stops with one sentence saying what to install.
fupin_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
fupin_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ] \
     && [ "$(fupin_java_major "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    return 0
  fi
  fupin_best= ; fupin_best_major=0
  for fupin_dir in /usr/lib/jvm/*; do
    [ -x "$fupin_dir/bin/javac" ] || continue
    fupin_major=$(fupin_java_major "$fupin_dir")
    if [ -n "$fupin_major" ] && [ "$fupin_major" -ge 21 ] && [ "$fupin_major" -gt "$fupin_best_major" ]; then
      fupin_best=$fupin_dir; fupin_best_major=$fupin_major
    fi
  done
  if [ -n "$fupin_best" ]; then
    JAVA_HOME=$fupin_best; export JAVA_HOME
  else
    echo "Fupin needs a JDK 21 or newer: install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) or set JAVA_HOME to it." >&2
    exit 1
  fi
}
fupin_find_jdk
