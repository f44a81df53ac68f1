@echo off
rem Windows: start the application on the built-in demo data (pass a data file to open it instead).
rem Needs Python 3.11+ from python.org ("Install for me only" needs no admin rights).
setlocal
cd /d "%~dp0"
if not exist .venv\Scripts\python.exe (
  py -3 -m venv .venv || python -m venv .venv || goto :nopython
)
.venv\Scripts\python -m pip install --quiet -e . || exit /b 1
.venv\Scripts\python scripts\build_translations.py || exit /b 1
start "" .venv\Scripts\pythonw.exe -m app %*
exit /b 0
:nopython
echo Python 3.11 or newer is required: https://www.python.org/downloads/windows/
exit /b 1
