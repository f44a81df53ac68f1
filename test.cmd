@echo off
rem Windows: run the test suite (offscreen Qt, no window appears).
setlocal
cd /d "%~dp0"
if not exist .venv\Scripts\python.exe (
  py -3 -m venv .venv || python -m venv .venv || exit /b 1
)
.venv\Scripts\python -m pip install --quiet -e ".[dev]" || exit /b 1
.venv\Scripts\python scripts\build_translations.py || exit /b 1
.venv\Scripts\python -m pytest %*
