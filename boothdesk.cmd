@echo off
rem BoothDesk launcher for Windows. Builds on first use, then runs a subcommand.
rem   boothdesk run            the booth application (no configuration = the demo)
rem   boothdesk test           the whole test suite
setlocal
cd /d "%~dp0"
set CMD=%1
if "%CMD%"=="" set CMD=run
if /I "%CMD%"=="test" (
  call mvnw.cmd -B verify
  exit /b %ERRORLEVEL%
)
if not exist app\target\lib (
  call mvnw.cmd -B -q -DskipTests package || exit /b 1
)
for %%f in (app\target\boothdesk-app-*.jar) do set JAR=%%f
rem The booth's JVM (idle RSS ~255-265 MB instead of ~360 MB, see the README); BOOTHDESK_JAVA_OPTS adds or overrides.
set JVM_OPTS=-XX:+UseG1GC -XX:MaxGCPauseMillis=5 -Xms16m -Xmx256m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xss512k -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m -XX:-UsePerfData -Dprism.order=sw %BOOTHDESK_JAVA_OPTS%
if "%CMD%"=="run" (
  shift
  java %JVM_OPTS% -Dfile.encoding=UTF-8 -Dsun.net.httpserver.nodelay=true -jar "%JAR%" run %2 %3 %4 %5 %6 %7 %8 %9
) else (
  java %JVM_OPTS% -Dfile.encoding=UTF-8 -Dsun.net.httpserver.nodelay=true -jar "%JAR%" %*
)
exit /b %ERRORLEVEL%
