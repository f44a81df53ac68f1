<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="34"/>
        <source>Policy Target Tracker</source>
        <translation>政策目标进度跟踪</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="52"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="53"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="75"/>
        <source>As of {date}: {n} targets — {summary}</source>
        <translation>截至 {date}：共 {n} 个指标 — {summary}</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="79"/>
        <source> (demo data)</source>
        <translation>（演示数据）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="81"/>
        <source>{file}{demo} · as of {date}</source>
        <translation>{file}{demo} · 截至 {date}</translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="25"/>
        <source>Plan</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="26"/>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="27"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="28"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="29"/>
        <source>Latest value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="30"/>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="31"/>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="32"/>
        <source>Time elapsed</source>
        <translation>时序进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="33"/>
        <source>Lag (points)</source>
        <translation>进度差（百分点）</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="34"/>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="35"/>
        <source>Forecast at deadline</source>
        <translation>预计到期值</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="36"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../../app/ui/application.py" line="88"/>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
</context>
</TS>
