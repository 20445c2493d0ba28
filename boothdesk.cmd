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
if "%CMD%"=="run" (
  shift
  java -Dfile.encoding=UTF-8 -Dsun.net.httpserver.nodelay=true -jar "%JAR%" run %2 %3 %4 %5 %6 %7 %8 %9
) else (
  java -Dfile.encoding=UTF-8 -Dsun.net.httpserver.nodelay=true -jar "%JAR%" %*
)
exit /b %ERRORLEVEL%
