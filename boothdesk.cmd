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
rem The collector: Shenandoah (pauses that do not grow with the heap, see the launcher ./boothdesk); a Java without it
rem (Oracle's) gets G1 with a 5 ms goal. Asked once, remembered in target\java-gc.txt (delete it after changing Java).
if not exist target mkdir target
if not exist target\java-gc.txt (
  java -XX:+UseShenandoahGC -version >nul 2>&1 && (> target\java-gc.txt echo shenandoah) || (> target\java-gc.txt echo g1)
)
set GC_KNOWN=
set /p GC_KNOWN=<target\java-gc.txt
set GC_OPTS=-XX:+UseG1GC -XX:MaxGCPauseMillis=5 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
if "%GC_KNOWN%"=="shenandoah" set GC_OPTS=-XX:+UseShenandoahGC -XX:-ClassUnloadingWithConcurrentMark -XX:+UnlockExperimentalVMOptions -XX:ShenandoahUncommitDelay=5000 -XX:ShenandoahGuaranteedGCInterval=20000
set JVM_OPTS=%GC_OPTS% -Xms16m -Xmx384m -Xss512k -XX:ReservedCodeCacheSize=48m -XX:MaxMetaspaceSize=128m -XX:-UsePerfData -Dprism.order=sw %BOOTHDESK_JAVA_OPTS%
if "%CMD%"=="run" (
  shift
  java %JVM_OPTS% -Dfile.encoding=UTF-8 -Dsun.net.httpserver.nodelay=true -jar "%JAR%" run %2 %3 %4 %5 %6 %7 %8 %9
) else (
  java %JVM_OPTS% -Dfile.encoding=UTF-8 -Dsun.net.httpserver.nodelay=true -jar "%JAR%" %*
)
exit /b %ERRORLEVEL%
