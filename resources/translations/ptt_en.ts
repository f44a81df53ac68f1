<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="34"/>
        <source>Policy Target Tracker</source>
        <translation>Policy Target Tracker</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="52"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="53"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="75"/>
        <source>As of {date}: {n} targets — {summary}</source>
        <translation>As of {date}: {n} targets — {summary}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="79"/>
        <source> (demo data)</source>
        <translation> (demo data)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="81"/>
        <source>{file}{demo} · as of {date}</source>
        <translation>{file}{demo} · as of {date}</translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="25"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="26"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="27"/>
        <source>Responsible unit</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="28"/>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="29"/>
        <source>Latest value</source>
        <translation>Latest value</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="30"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="31"/>
        <source>Completion</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="32"/>
        <source>Time elapsed</source>
        <translation>Time elapsed</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="33"/>
        <source>Lag (points)</source>
        <translation>Lag (points)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="34"/>
        <source>Gap</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="35"/>
        <source>Forecast at deadline</source>
        <translation>Forecast at deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="36"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/ui/application.py" line="88"/>
        <source>Cannot open file</source>
        <translation>Cannot open file</translation>
    </message>
</context>
</TS>
