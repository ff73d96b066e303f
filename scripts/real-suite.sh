#!/usr/bin/env bash
# Runs a real published test suite (Apache Commons Lang's test-jar from Maven Central) through Isolane, outside the
# repository, to see what violation detection finds in a suite nobody wrote for it, and what it costs.
#
#   scripts/real-suite.sh [detect] [runs]     detect: off|globals|statics (default statics); runs: repetitions (1)
#   ISOLANE_TEST='!FastDateParser*' scripts/real-suite.sh off 3     a -Dtest selection, as Surefire's
#
# Needs the Isolane artifacts staged by a prior `mvn -B -ntp verify` (maven-plugin/target/it-repo), so nothing is
# installed into ~/.m2. Each run prints the run's duration from isolane-report.json and its violation count; the
# project stays in $ISOLANE_REAL_SUITE_DIR (default /tmp/isolane-real-suite) for a look at target/isolane-reports.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
detect=${1:-statics}
runs=${2:-1}
dir=${ISOLANE_REAL_SUITE_DIR:-/tmp/isolane-real-suite}
repo="$root/maven-plugin/target/it-repo"
version=$(sed -n 's:.*<version>\(.*-SNAPSHOT\)</version>.*:\1:p' pom.xml | head -1)
lang=${COMMONS_LANG_VERSION:-3.18.0}
[ -d "$repo/dev/isolane" ] || { echo "No staged Isolane artifacts in $repo: run 'mvn -B -ntp verify' first." >&2; exit 1; }

mkdir -p "$dir"
outer=${OUTER_REPOSITORY:-$HOME/.m2/repository}
cat > "$dir/settings.xml" <<XML
<settings><profiles><profile><id>outer</id>
<repositories><repository><id>outer-local</id><url>file://$outer</url><snapshots><enabled>false</enabled></snapshots></repository></repositories>
<pluginRepositories><pluginRepository><id>outer-local</id><url>file://$outer</url><snapshots><enabled>false</enabled></snapshots></pluginRepository></pluginRepositories>
</profile></profiles><activeProfiles><activeProfile>outer</activeProfile></activeProfiles></settings>
XML
cat > "$dir/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.isolane.realsuite</groupId>
  <artifactId>commons-lang3-tests-on-isolane</artifactId>
  <version>1.0</version>
  <properties>
    <maven.compiler.release>17</maven.compiler.release>
    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
  </properties>
  <dependencyManagement>
    <dependencies>
      <!-- As commons-parent does: aligns the Platform launcher junit-pioneer brings with the Jupiter engine. -->
      <dependency><groupId>org.junit</groupId><artifactId>junit-bom</artifactId><version>5.14.4</version><type>pom</type><scope>import</scope></dependency>
    </dependencies>
  </dependencyManagement>
  <dependencies>
    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>$lang</version></dependency>
    <!-- The test dependencies commons-lang3 $lang declares (JUnit at the version Isolane builds with). -->
    <dependency><groupId>org.junit.jupiter</groupId><artifactId>junit-jupiter</artifactId><version>5.14.4</version><scope>test</scope></dependency>
    <dependency><groupId>org.junit-pioneer</groupId><artifactId>junit-pioneer</artifactId><version>1.9.1</version><scope>test</scope></dependency>
    <dependency><groupId>org.easymock</groupId><artifactId>easymock</artifactId><version>5.6.0</version><scope>test</scope></dependency>
    <dependency><groupId>org.apache.commons</groupId><artifactId>commons-text</artifactId><version>1.13.1</version><scope>test</scope></dependency>
    <dependency><groupId>org.openjdk.jmh</groupId><artifactId>jmh-core</artifactId><version>1.37</version><scope>test</scope></dependency>
    <dependency><groupId>com.google.code.findbugs</groupId><artifactId>jsr305</artifactId><version>3.0.2</version><scope>test</scope></dependency>
    <dependency><groupId>org.hamcrest</groupId><artifactId>hamcrest</artifactId><version>3.0</version><scope>test</scope></dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
        <executions>
          <execution>
            <id>unpack-published-tests</id>
            <phase>process-test-classes</phase>
            <goals><goal>unpack</goal></goals>
            <configuration>
              <artifactItems>
                <artifactItem>
                  <groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>$lang</version>
                  <classifier>tests</classifier><type>jar</type>
                  <outputDirectory>\${project.build.testOutputDirectory}</outputDirectory>
                </artifactItem>
                <!-- Some tests read their resources from src/test/resources, relative to the working directory. -->
                <artifactItem>
                  <groupId>org.apache.commons</groupId><artifactId>commons-lang3</artifactId><version>$lang</version>
                  <classifier>tests</classifier><type>jar</type><excludes>**/*.class</excludes>
                  <outputDirectory>\${project.basedir}/src/test/resources</outputDirectory>
                </artifactItem>
              </artifactItems>
            </configuration>
          </execution>
        </executions>
      </plugin>
      <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version><configuration><skip>true</skip></configuration></plugin>
      <plugin>
        <groupId>dev.isolane</groupId>
        <artifactId>isolane-maven-plugin</artifactId>
        <version>$version</version>
        <executions><execution><goals><goal>test</goal></goals></execution></executions>
        <configuration>
          <!-- As commons-lang3's own Surefire setup: its argLine, its includes. -->
          <argLine>-Xmx512m --add-opens java.base/java.lang.reflect=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.time=ALL-UNNAMED --add-opens java.base/java.time.chrono=ALL-UNNAMED</argLine>
          <includes><include>**/*Test.java</include></includes>
          <threads>2</threads>
          <forks>1</forks>
          <historyFile>\${project.build.directory}/isolane-history.json</historyFile>
        </configuration>
      </plugin>
    </plugins>
  </build>
</project>
XML

for i in $(seq 1 "$runs"); do
  log="$dir/build-$detect-$i.log"
  (cd "$dir" && mvn -B -ntp -s settings.xml -Dmaven.repo.local="$repo" -Disolane.detect="$detect" \
      -Dmaven.test.failure.ignore=true ${ISOLANE_TEST:+-Dtest="$ISOLANE_TEST"} verify > "$log" 2>&1) || { echo "build failed; see $log" >&2; exit 1; }
  python3 - "$dir/target/isolane-reports/isolane-report.json" "$detect" "$i" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
t = report["totals"]
print(f"detect={sys.argv[2]} run={sys.argv[3]} durationMillis={report['durationMillis']} classes={t['classes']}"
      f" tests={t['tests']} failed={t['failed']} errors={t['errors']} violations={len(report['violations'])}")
PY
done
