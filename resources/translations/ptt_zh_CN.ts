<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../app/ui/application.py" line="154"/>
        <source>Opened read-only</source>
        <translation>已以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="146"/>
        <source>Cannot open file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="176"/>
        <source>Open data file</source>
        <translation>打开数据文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="182"/>
        <location filename="../../app/ui/application.py" line="188"/>
        <source>New data file</source>
        <translation>新建数据文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="189"/>
        <source>{file} already exists; choose another name.</source>
        <translation>{file} 已存在，请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="200"/>
        <location filename="../../app/ui/application.py" line="205"/>
        <source>Save a copy as</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="205"/>
        <source>That is the file already open; choose another name.</source>
        <translation>这正是当前打开的文件，请换一个文件名。</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="211"/>
        <source>Could not save</source>
        <translation>未能保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="269"/>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="271"/>
        <source>Policy Target Tracker {version}
Tracks action-plan targets against reported figures.</source>
        <translation>政策目标进度跟踪 {version}
按填报数据跟踪行动计划各项目标的进度。</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="126"/>
        <location filename="../../app/ui/backup_dialog.py" line="204"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="135"/>
        <source>Backups of {file}, newest first. Restoring replaces the file with the chosen backup; the file as it is now is kept as a backup first.
Folder: {folder}</source>
        <translation>{file} 的备份，最新的在前。恢复会用所选备份替换该文件；替换前会先把文件的当前状态另存为一个备份。
文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="141"/>
        <source>There are no backups of {file} yet. A backup is taken each time the file is opened for editing, and once a day while it is in use.
Folder: {folder}</source>
        <translation>{file} 还没有备份。每次以可编辑方式打开文件时，以及使用期间每天一次，程序会自动备份。
文件夹：{folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="167"/>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="202"/>
        <source>Replace {file} with the backup taken {date} ({summary})?

Changes made since then will no longer be in the file. The file as it is now is kept in the backups folder first, so this can be undone by restoring that copy.</source>
        <translation>用 {date} 的备份（{summary}）替换 {file}？

此后所做的修改将不再保留在文件中。替换前，文件的当前状态会先保存到备份文件夹，如需撤销，可再从该副本恢复。</translation>
    </message>
</context>
<context>
    <name>BackupFlow</name>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="126"/>
        <source>Backup failed: {reason}</source>
        <translation>备份失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="142"/>
        <source>The file is damaged</source>
        <translation>数据文件已损坏</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="144"/>
        <source>{error}

The latest good backup of this file was taken {date} ({summary}).
Restore it and open the file? Changes made after the backup are not in it. The damaged file is kept in the backups folder.</source>
        <translation>{error}

该文件最近一个完好的备份是 {date} 的（{summary}）。
是否用它恢复并打开文件？备份之后所做的修改不在其中。损坏的文件会保留在备份文件夹中。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="153"/>
        <source>Restored from the backup taken {date}. The damaged file was kept as:
{copy}</source>
        <translation>已用 {date} 的备份恢复。损坏的文件已保存为：
{copy}</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="165"/>
        <location filename="../../app/ui/backup_flow.py" line="197"/>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="168"/>
        <source>This file is open read-only; it cannot be replaced by a backup.</source>
        <translation>此文件以只读方式打开，不能用备份替换。</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="216"/>
        <source>{file} has been restored from {backup}.
The file as it was before is kept as:
{copy}</source>
        <translation>已用 {backup} 恢复 {file}。
恢复前的文件已保存为：
{copy}</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="227"/>
        <location filename="../../app/ui/backup_flow.py" line="248"/>
        <location filename="../../app/ui/backup_flow.py" line="252"/>
        <source>Export audit log</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="239"/>
        <source>Exporting the audit log…</source>
        <translation>正在导出审计记录…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="267"/>
        <source>Change history</source>
        <translation>修改记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="267"/>
        <source>Select a target first; its change history is then shown.</source>
        <translation>请先选择一个指标，再查看它的修改记录。</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="41"/>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="42"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="43"/>
        <source>Plans</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="44"/>
        <source>Targets</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="45"/>
        <source>Figures</source>
        <translation>填报</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="46"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="122"/>
        <source>must be one of ≥ &gt; ≤ &lt; =</source>
        <translation>应为 ≥、&gt;、≤、&lt;、= 之一</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="161"/>
        <source>Use</source>
        <translation>采用</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="162"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="163"/>
        <source>Indicator</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="164"/>
        <source>Comparator</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="165"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="166"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="167"/>
        <source>Deadline / period</source>
        <translation>截止时间/报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="168"/>
        <source>Baseline</source>
        <translation>基期值</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="169"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="170"/>
        <source>Saves as</source>
        <translation>保存为</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="268"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="270"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="275"/>
        <source>required</source>
        <translation>必填</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="287"/>
        <source>approx.</source>
        <translation>约数</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="290"/>
        <source>up to %1</source>
        <translation>上限 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="296"/>
        <source>baseline %1</source>
        <translation>基期 %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="299"/>
        <source>no deadline: the plan&apos;s end</source>
        <translation>无截止时间：按文件期末</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="314"/>
        <source>New target (the plan already has one with this name)</source>
        <translation>新增目标（本文件已有同名指标）</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="317"/>
        <source>New target</source>
        <translation>新增目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="320"/>
        <source>Not saved: the plan has no target named “%1”</source>
        <translation>不保存：本文件没有名为“%1”的指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="323"/>
        <source>Figure for “%1”</source>
        <translation>填报到“%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="424"/>
        <source>Row %1, %2</source>
        <translation>第%1行 %2</translation>
    </message>
</context>
<context>
    <name>ChartViews</name>
    <message>
        <location filename="../../app/ui/chart_views.py" line="70"/>
        <source>Progress chart</source>
        <translation>进度图</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart_views.py" line="73"/>
        <source>Status overview</source>
        <translation>状态总览</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart_views.py" line="150"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart_views.py" line="152"/>
        <source>Size in pixels:</source>
        <translation>尺寸（像素）：</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="233"/>
        <source>Plan: {plan}</source>
        <translation>政策文件：{plan}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="235"/>
        <source>{status} · completion {completion} · time elapsed {time} · lag {lag} points</source>
        <translation>{status} · 完成 {completion} · 时序 {time} · 差 {lag} 个百分点</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="246"/>
        <source>The bar is cut at {limit}; the label gives the real figure.</source>
        <translation>条形截至 {limit}，实际数值见标签</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="356"/>
        <source>Time elapsed (marker); dashed line: target 100%</source>
        <translation>竖标：时序进度；虚线：目标 100%</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="360"/>
        <source>{completion} · time elapsed {time_progress}</source>
        <translation>{completion} · 时序 {time_progress}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="381"/>
        <source>No target has a completion to draw yet</source>
        <translation>暂无可绘制完成度的指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="474"/>
        <source>Showing {shown} of {total} targets with a completion, furthest behind schedule first.</source>
        <translation>显示滞后最多的 {shown} 个（共 {total} 个有完成度的指标）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="481"/>
        <source>Targets with a completion: {total}, furthest behind schedule first.</source>
        <translation>共 {total} 个有完成度的指标，按滞后程度排序。</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="487"/>
        <source>monitoring indicators: {count}</source>
        <translation>{count} 个监测指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="491"/>
        <source>no data: {count}</source>
        <translation>{count} 个无数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="494"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="495"/>
        <source>Not shown: {items}.</source>
        <translation>另有 {items}未显示。</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/common.py" line="75"/>
        <source>No data to draw</source>
        <translation>无数据可绘制</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/common.py" line="119"/>
        <source>Could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="117"/>
        <source>By plan</source>
        <translation>按政策文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="118"/>
        <source>By responsible unit</source>
        <translation>按责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="119"/>
        <source>Include monitoring indicators</source>
        <translation>包括监测指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="264"/>
        <source>Number of targets</source>
        <translation>指标数</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="312"/>
        <source>Only monitoring indicators: tick “Include monitoring indicators” to count them</source>
        <translation>只有监测指标：勾选“包括监测指标”即可计入</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="315"/>
        <source>No targets to count</source>
        <translation>没有可统计的指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="318"/>
        <source>(no responsible unit)</source>
        <translation>（未填责任单位）</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="348"/>
        <source>{name}
{counts}
Total {total}; click to show these targets</source>
        <translation>{name}
{counts}
共 {total} 个；点击查看这些指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="40"/>
        <source>Choose a target</source>
        <translation>请选择一个指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="41"/>
        <source>No reported values yet</source>
        <translation>尚无填报数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="42"/>
        <source>Reported values</source>
        <translation>填报值</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="43"/>
        <source>Annualised (part of a year)</source>
        <translation>年化值（不足一年）</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="44"/>
        <source>Required path</source>
        <translation>应达进度线</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="45"/>
        <source>Forecast</source>
        <translation>预测</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="46"/>
        <source>Forecast (linear)</source>
        <translation>预测（线性）</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="47"/>
        <source>Forecast (compound growth)</source>
        <translation>预测（复合增长）</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="48"/>
        <source>Target {value}</source>
        <translation>目标 {value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="49"/>
        <source>Threshold {value}</source>
        <translation>门槛 {value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="50"/>
        <source>As of {date}</source>
        <translation>截至 {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="51"/>
        <source>Deadline {date}</source>
        <translation>截止 {date}</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="155"/>
        <location filename="../../app/ui/detail_pane.py" line="246"/>
        <source>Choose a target in the table to see its details.</source>
        <translation>在表格中选择一个指标，即可查看详情。</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="248"/>
        <source>Category</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="249"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="250"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="251"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="252"/>
        <source>Baseline</source>
        <translation>基期</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="253"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="254"/>
        <source>Latest value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="255"/>
        <source>Reported for</source>
        <translation>报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="256"/>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="257"/>
        <source>Time elapsed (时序进度)</source>
        <translation>时序进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="258"/>
        <source>Lag</source>
        <translation>进度差</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="259"/>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="260"/>
        <source>Forecast at deadline</source>
        <translation>预计到期值</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="267"/>
        <source>Notes on the figures</source>
        <translation>数据说明</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="268"/>
        <source>Reported figures</source>
        <translation>填报记录</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="269"/>
        <source>Source text (原文)</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="270"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="330"/>
        <source>Completion, lag and gap use the annualised value.</source>
        <translation>完成率、进度差和差距均按年化值计算。</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="359"/>
        <source>None (monitoring indicator)</source>
        <translation>无（监测指标）</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="363"/>
        <source>{comparator} {amount} by {deadline}</source>
        <translation>{deadline}前 {comparator}{amount}</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="374"/>
        <source>{amount} at {date}</source>
        <translation>{amount}（{date}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="381"/>
        <source>{value} (annualised)</source>
        <translation>{value}（年化）</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="386"/>
        <source>{points} points</source>
        <translation>{points} 个百分点</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="393"/>
        <source>linear trend</source>
        <translation>线性趋势</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="393"/>
        <source>compound growth</source>
        <translation>复合增长</translation>
    </message>
</context>
<context>
    <name>EntryGrid</name>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="72"/>
        <location filename="../../app/ui/entry_grid.py" line="286"/>
        <source>Save new rows</source>
        <translation>保存新增行</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="73"/>
        <location filename="../../app/ui/entry_grid.py" line="287"/>
        <source>Delete selected</source>
        <translation>删除所选</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="176"/>
        <source>… and {n} more</source>
        <translation>……另有 {n} 处</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="195"/>
        <source>Saved cells are not cleared: use “Delete selected” to delete saved rows.</source>
        <translation>已保存的单元格不会被清空：删除已保存的行请用“删除所选”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="270"/>
        <source>Nothing saved: fix or clear the red cells first.</source>
        <translation>未保存：请先修改或清空标红的单元格。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/entry_grid.py" line="297"/>
        <source>%n invalid cell(s): point at a red cell to see why.</source>
        <translation>
            <numerusform>%n 个单元格有误：鼠标指向红色单元格可查看原因。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="300"/>
        <source>A period typed without a year is the latest one ended by {date}.</source>
        <translation>未写年份的报告期，按截至 {date} 已结束的最近一期计。</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="305"/>
        <source>Periods typed without a year count as {year}.</source>
        <translation>未写年份的报告期按 {year} 年计。</translation>
    </message>
</context>
<context>
    <name>EntryGridModel</name>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="40"/>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="41"/>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="42"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="43"/>
        <source>Value type</source>
        <translation>数值类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="44"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="45"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="193"/>
        <source>Locked: {period} was locked by {who} on {when}. Unlock it (Edit → Unlock reporting period…) to change or delete this figure.</source>
        <translation>已锁定：{period} 由 {who} 于 {when} 锁定。如需修改或删除此数值，请先解锁（编辑 → 解锁报告期…）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="283"/>
        <source>Type or paste a new entry here</source>
        <translation>在此输入或粘贴新的填报</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="283"/>
        <source>Not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="452"/>
        <source>The clipboard holds no cells to paste.</source>
        <translation>剪贴板中没有可粘贴的单元格。</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="455"/>
        <source>Nothing was pasted: the block has {pasted} columns, but only {fit} fit here.</source>
        <translation>未粘贴：复制内容有 {pasted} 列，此处只能放 {fit} 列。</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="465"/>
        <source>Row {row} {column}: {message}</source>
        <translation>第{row}行 {column}：{message}</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="473"/>
        <source>Pasted {rows} rows: {valid} valid, {bad} with errors.</source>
        <translation>已粘贴 {rows} 行：{valid} 行有效，{bad} 行有错误。</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="477"/>
        <source>{n} still need a period and a value.</source>
        <translation>{n} 行还缺报告期或数值。</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="479"/>
        <source>Saved rows cannot be pasted over; pasted below them at row {row}.</source>
        <translation>不能覆盖已保存的行；已粘贴到其下方第 {row} 行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="532"/>
        <source>“{name}” is not one of these targets: {names}</source>
        <translation>“{name}”不是这些指标之一：{names}</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="538"/>
        <source>Type the name of the target this figure is for.</source>
        <translation>请填写这个数值所属的指标名称。</translation>
    </message>
</context>
<context>
    <name>EntryHistoryModel</name>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="44"/>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="45"/>
        <source>Value as reported</source>
        <translation>填报数值</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="46"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="47"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="48"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ExtractDialog</name>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="142"/>
        <location filename="../../app/ui/extract_dialog.py" line="384"/>
        <location filename="../../app/ui/extract_dialog.py" line="456"/>
        <location filename="../../app/ui/extract_dialog.py" line="521"/>
        <source>Targets from policy text</source>
        <translation>从政策文本识别目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="149"/>
        <location filename="../../app/ui/extract_dialog.py" line="424"/>
        <source>This file is open read-only; nothing can be saved.</source>
        <translation>此数据文件以只读方式打开，不能保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="152"/>
        <location filename="../../app/ui/extract_dialog.py" line="427"/>
        <source>Add a plan first: every target belongs to a plan.</source>
        <translation>请先添加政策文件：每个指标都属于一个政策文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="161"/>
        <source>Paste the text of a policy document or press release here, or open a .txt or .docx file; then press Extract (Ctrl+Enter).</source>
        <translation>在此粘贴政策文件或新闻稿的文字，或打开 .txt / .docx 文件，然后按“提取”（Ctrl+Enter）。</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="165"/>
        <source>Open file…</source>
        <translation>打开文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="172"/>
        <source>Extract</source>
        <translation>提取</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="181"/>
        <source>Document date:</source>
        <translation>成文日期：</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="213"/>
        <source>Click a row to show its sentence in full.</source>
        <translation>点击一行即可查看其完整原文。</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="219"/>
        <source>Source text:</source>
        <translation>原文：</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="232"/>
        <source>Save into plan:</source>
        <translation>保存到政策文件：</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="240"/>
        <location filename="../../app/ui/extract_dialog.py" line="255"/>
        <source>Drop selected</source>
        <translation>移除所选</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="242"/>
        <source>Save selected</source>
        <translation>保存所选</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="244"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="330"/>
        <source>Open policy document</source>
        <translation>打开政策文本</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="348"/>
        <source>Paste some text or open a file first.</source>
        <translation>请先粘贴文字或打开文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="363"/>
        <source>Reading the text…</source>
        <translation>正在识别…</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="383"/>
        <source>The text could not be read: %1</source>
        <translation>无法识别这段文字：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="389"/>
        <source>(found in the text)</source>
        <translation>（取自文中日期）</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="395"/>
        <source>No targets or figures were found in this text.</source>
        <translation>在这段文字中没有找到目标或进度数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="398"/>
        <source>Found %1 and %2.</source>
        <translation>找到%1、%2。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="399"/>
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n 个目标</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="400"/>
        <source>%n progress figure(s)</source>
        <translation>
            <numerusform>%n 条进度数据</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="402"/>
        <source>Tick the rows to keep, correct any cell, then save.</source>
        <translation>请勾选要采用的行，必要时修改单元格，然后保存。</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="421"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="430"/>
        <source>Nothing is ticked: tick “Use” on the rows to save.</source>
        <translation>没有勾选任何行：请在“采用”列勾选要保存的行。</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="451"/>
        <source>Saved %1 and %2 into “%3”.</source>
        <translation>已保存到“%3”：%1，%2。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="461"/>
        <source>%n ticked figure(s) not saved: the plan has no target of the same name (rename the indicator to a target&apos;s name to save it).</source>
        <translation>
            <numerusform>有 %n 条勾选的进度数据未保存：本政策文件中没有同名指标（把指标名称改为已有指标的名称即可保存）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="469"/>
        <source>%n new target(s)</source>
        <translation>
            <numerusform>新增目标 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="470"/>
        <source>%n figure(s)</source>
        <translation>
            <numerusform>进度数据 %n 条</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="507"/>
        <source>Add from policy text (%1, %2)</source>
        <translation>从政策文本添加（%1，%2）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="522"/>
        <source>Discard %n ticked row(s) that have not been saved?</source>
        <translation>
            <numerusform>放弃尚未保存的 %n 个勾选行？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="46"/>
        <location filename="../../app/ui/filter_bar.py" line="65"/>
        <source>Search targets, plans, units, categories, quotes…</source>
        <translation>搜索指标、政策文件、责任单位、维度、原文……</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="48"/>
        <location filename="../../app/ui/filter_bar.py" line="66"/>
        <source>All words must match (Ctrl+F)</source>
        <translation>所有词都须匹配（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="52"/>
        <location filename="../../app/ui/filter_bar.py" line="67"/>
        <source>All units</source>
        <translation>全部责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="54"/>
        <location filename="../../app/ui/filter_bar.py" line="68"/>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="55"/>
        <location filename="../../app/ui/filter_bar.py" line="69"/>
        <source>Behind (off track + overdue + at risk)</source>
        <translation>需关注（滞后、逾期、预警）</translation>
    </message>
</context>
<context>
    <name>FormFeedback</name>
    <message>
        <location filename="../../app/ui/form_feedback.py" line="180"/>
        <source>Still to fill in: {fields}</source>
        <translation>尚需填写：{fields}</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_feedback.py" line="181"/>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../app/ui/history_view.py" line="146"/>
        <source>Change history — {target}</source>
        <translation>修改记录 — {target}</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="150"/>
        <source>Changes to the target and its figures, newest first, from the audit trail.</source>
        <translation>该指标及其填报数据的修改，最新的在前，取自审计记录。</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../app/ui/history_view.py" line="33"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="34"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="35"/>
        <source>Computer</source>
        <translation>计算机</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="36"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="37"/>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="38"/>
        <source>Changes</source>
        <translation>修改内容</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../app/ui/history_view.py" line="122"/>
        <source>No changes are recorded for this target.</source>
        <translation>此指标没有修改记录。</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="33"/>
        <source>Import preview</source>
        <translation>导入预览</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="49"/>
        <source>All rows</source>
        <translation>全部行</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="52"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="55"/>
        <source>Also import rows with warnings</source>
        <translation>同时导入有警告的行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/import_dialog.py" line="120"/>
        <source>Import %n figure(s)</source>
        <translation>
            <numerusform>导入 %n 条</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="27"/>
        <source>Check</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="28"/>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="29"/>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="30"/>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="31"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="32"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="33"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/labels.py" line="17"/>
        <source>Achieved</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="18"/>
        <source>On track</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="19"/>
        <source>At risk</source>
        <translation>预警</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="20"/>
        <source>Off track</source>
        <translation>滞后</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="21"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="22"/>
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="23"/>
        <source>Monitoring</source>
        <translation>监测</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="26"/>
        <source>Cumulative count</source>
        <translation>累计数</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="27"/>
        <source>Level / scale</source>
        <translation>规模</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="28"/>
        <source>Yearly flow</source>
        <translation>年度流量</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="29"/>
        <source>Rate / share</source>
        <translation>增速/占比</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="30"/>
        <source>Milestone</source>
        <translation>里程碑</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="31"/>
        <source>Monitoring indicator</source>
        <translation>监测指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="34"/>
        <source>Running total</source>
        <translation>累计值</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="35"/>
        <source>Amount in period</source>
        <translation>期间值</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="36"/>
        <source>Rate</source>
        <translation>比率</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="39"/>
        <source>≥ at least</source>
        <translation>≥ 不低于（以上）</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="40"/>
        <source>&gt; more than</source>
        <translation>&gt; 超过（突破）</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="41"/>
        <source>≤ at most</source>
        <translation>≤ 不高于（以内）</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="42"/>
        <source>&lt; less than</source>
        <translation>&lt; 低于</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="43"/>
        <source>= exactly</source>
        <translation>= 等于</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="175"/>
        <source>Unlock reporting period</source>
        <translation>解锁报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="178"/>
        <source>Choose the locked period to unlock. Its figures can then be added, corrected or deleted again; the unlocking is recorded in the audit trail.</source>
        <translation>请选择要解锁的报告期。解锁后可再次添加、更正或删除其中的填报；解锁操作会记入审计记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="182"/>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="185"/>
        <source>Lock reporting period</source>
        <translation>锁定报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="188"/>
        <source>Once a period&apos;s report is approved, lock it: figures whose period ends inside it cannot be added, changed, deleted or imported until it is unlocked (a January–June figure belongs to June). Locking is recorded in the audit trail.</source>
        <translation>报告审定后即可锁定该报告期：截止日期在其中的填报（如 1-6月 的数值属于 6月）在解锁前不能添加、修改、删除或导入。锁定操作会记入审计记录。</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="193"/>
        <source>e.g. 2025年6月, 2025年第二季度, 2025年上半年</source>
        <translation>如 2025年6月、2025年第二季度、2025年上半年</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="194"/>
        <source>e.g. the approved report</source>
        <translation>如 已审定的报告名称</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="195"/>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="198"/>
        <source>&amp;Period:</source>
        <translation>报告期(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="200"/>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="207"/>
        <source>Locked already:</source>
        <translation>已锁定的报告期：</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="207"/>
        <source>No period is locked yet.</source>
        <translation>尚无锁定的报告期。</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="240"/>
        <source>Locks {start} to {end} ({label}).</source>
        <translation>将锁定 {start} 至 {end}（{label}）。</translation>
    </message>
</context>
<context>
    <name>LockTableModel</name>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="75"/>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="76"/>
        <source>Dates</source>
        <translation>起止日期</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="77"/>
        <source>Locked by</source>
        <translation>锁定人</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="78"/>
        <source>Locked at</source>
        <translation>锁定时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="79"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="243"/>
        <source>Policy Target Tracker</source>
        <translation>政策目标进度跟踪</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="244"/>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="245"/>
        <source>Targets</source>
        <translation>指标表</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="247"/>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="248"/>
        <source>Figures</source>
        <translation>填报</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="249"/>
        <source>As of </source>
        <translation>截至 </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="250"/>
        <source>Every status is recomputed for this date</source>
        <translation>所有状态按此日期重新计算</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="303"/>
        <source>Could not complete the action</source>
        <translation>操作未能完成</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="359"/>
        <location filename="../../app/ui/main_window.py" line="363"/>
        <source>Export chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="364"/>
        <source>Open a chart first: the Progress chart or Status overview tab, or select a target.</source>
        <translation>请先打开一个图表：“进度图”或“状态总览”标签页，或选择一个指标。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="367"/>
        <source>Chart saved: {path}</source>
        <translation>图表已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_grid.py" line="71"/>
        <source>Figures of {unit} — %n target(s)</source>
        <translation>{unit}的填报 — 共 %n 个指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_grid.py" line="75"/>
        <source>Figures of “{name}” ({unit})</source>
        <translation>“{name}”的填报（单位：{unit}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_grid.py" line="79"/>
        <source>Choose a target in the table, or Edit → Enter figures for a responsible unit.</source>
        <translation>请在表格中选择一个指标，或用“编辑 → 按责任单位填报”。</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="396"/>
        <source>No targets yet: add a plan (Edit → New plan, Ctrl+Shift+N), then its targets (Ctrl+T).</source>
        <translation>还没有指标：先添加政策文件（编辑 → 新建政策文件，Ctrl+Shift+N），再添加指标（Ctrl+T）。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="402"/>
        <source>As of {date}: %n target(s) — {summary}</source>
        <translation>
            <numerusform>截至 {date}：共 %n 个指标 — {summary}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="413"/>
        <source>demo data, a copy</source>
        <translation>演示数据副本</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="415"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="416"/>
        <source> ({marks})</source>
        <translation>（{marks}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="416"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="418"/>
        <source>{file}{marks} · as of {date}</source>
        <translation>{file}{marks} · 截至 {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="51"/>
        <source>Not saved: changed meanwhile</source>
        <translation>未保存：数据已被他人修改</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="55"/>
        <location filename="../../app/ui/window_editing.py" line="57"/>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="91"/>
        <source>Delete the plan “{title}” with its {n} targets and all their figures? (Undo can bring it back.)</source>
        <translation>删除政策文件“{title}”及其 {n} 个指标和全部填报？（可撤销）</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="96"/>
        <source>Delete plan</source>
        <translation>删除政策文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="109"/>
        <source>New target</source>
        <translation>新建指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="110"/>
        <source>Add a plan first: every target belongs to a plan.</source>
        <translation>请先添加政策文件：每个指标都属于一个政策文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="132"/>
        <source>Delete the target “{name}” and its {n} figures? (Undo can bring it back.)</source>
        <translation>删除指标“{name}”及其 {n} 条填报？（可撤销）</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="136"/>
        <source>Delete target</source>
        <translation>删除指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="152"/>
        <source>Delete %n selected figure(s)? (Undo can bring them back.)</source>
        <translation>删除所选的 %n 条填报？（可撤销）</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_grid.py" line="105"/>
        <source>Enter figures</source>
        <translation>填报进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_grid.py" line="106"/>
        <source>Responsible unit:</source>
        <translation>责任单位：</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="155"/>
        <source>Delete figures</source>
        <translation>删除填报</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="168"/>
        <source>&amp;New data file…</source>
        <translation>新建数据文件(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="169"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="170"/>
        <source>Save a &amp;copy as…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="171"/>
        <source>Open the &amp;demo data</source>
        <translation>打开演示数据(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="172"/>
        <source>E&amp;xport chart…</source>
        <translation>导出图表(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="173"/>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="174"/>
        <source>&amp;Print report…</source>
        <translation>打印报告(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="175"/>
        <source>Export &amp;report (PDF, Word, Excel)…</source>
        <translation>导出报告(&amp;R)（PDF、Word、Excel）…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="176"/>
        <source>Export fill-in &amp;template…</source>
        <translation>导出填报模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="177"/>
        <source>&amp;Import returned sheets…</source>
        <translation>导入填报表(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="178"/>
        <source>&amp;Issuing unit for reports…</source>
        <translation>报告单位(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="179"/>
        <source>Restore from &amp;backup…</source>
        <translation>从备份恢复(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="180"/>
        <source>Export &amp;audit log…</source>
        <translation>导出审计记录(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="181"/>
        <source>Change &amp;history of target…</source>
        <translation>指标修改记录(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="182"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="183"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="184"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="185"/>
        <source>New &amp;plan…</source>
        <translation>新建政策文件(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="186"/>
        <source>Edit plan…</source>
        <translation>编辑政策文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="187"/>
        <source>Delete plan…</source>
        <translation>删除政策文件…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="188"/>
        <source>New &amp;target…</source>
        <translation>新建指标(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="189"/>
        <source>&amp;Edit target…</source>
        <translation>编辑指标(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="190"/>
        <source>&amp;Delete target…</source>
        <translation>删除指标(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="191"/>
        <source>Enter &amp;figures</source>
        <translation>填报进度(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="192"/>
        <source>Enter figures for a responsible &amp;unit</source>
        <translation>按责任单位填报(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="193"/>
        <source>&amp;Lock reporting period…</source>
        <translation>锁定报告期(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="194"/>
        <source>Unloc&amp;k reporting period…</source>
        <translation>解锁报告期(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="195"/>
        <source>Targets from policy te&amp;xt…</source>
        <translation>从政策文本识别目标(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="196"/>
        <source>Reporting &amp;status of units…</source>
        <translation>报送情况(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="197"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="198"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="199"/>
        <source>Show targets &amp;behind</source>
        <translation>只看需关注的指标(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="200"/>
        <source>Follow the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="201"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="205"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="206"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="207"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="208"/>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="209"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="210"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="211"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="124"/>
        <location filename="../../app/ui/window_reports.py" line="146"/>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="135"/>
        <source>Writing the report…</source>
        <translation>正在生成报告……</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="39"/>
        <source>All responsible units</source>
        <translation>全部责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="41"/>
        <location filename="../../app/ui/window_import.py" line="51"/>
        <location filename="../../app/ui/window_import.py" line="63"/>
        <source>Export fill-in template</source>
        <translation>导出填报模板</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="42"/>
        <source>Template for:</source>
        <translation>模板对象：</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="66"/>
        <source>Template written: %1 (%2 rows)</source>
        <translation>已生成填报模板：%1（%2 行）</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="95"/>
        <location filename="../../app/ui/window_import.py" line="137"/>
        <location filename="../../app/ui/window_import.py" line="168"/>
        <source>Import returned sheets</source>
        <translation>导入填报表</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="99"/>
        <source>This file is open read-only; nothing can be imported.</source>
        <translation>此文件以只读方式打开，不能导入。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="115"/>
        <source>Checking the sheets…</source>
        <translation>正在检查填报表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="148"/>
        <location filename="../../app/ui/window_reports.py" line="63"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="169"/>
        <source>Saving the figures…</source>
        <translation>正在保存数据…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="132"/>
        <location filename="../../app/ui/window_import.py" line="186"/>
        <source>Import cancelled; nothing was saved.</source>
        <translation>已取消导入，未保存任何数据。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="85"/>
        <source>Drawing the charts…</source>
        <translation>正在绘制图表…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="118"/>
        <source>Print report</source>
        <translation>打印报告</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="142"/>
        <source>Report cancelled; nothing was written.</source>
        <translation>已取消，未生成任何文件。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="151"/>
        <source>Report saved: {path}</source>
        <translation>报告已保存：{path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="153"/>
        <source>(no target matched the filters; the report says so)</source>
        <translation>（没有符合筛选条件的指标，报告中已说明）</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="163"/>
        <source>Issuing unit</source>
        <translation>报告单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="164"/>
        <source>Printed on the cover and in the page header:</source>
        <translation>印在封面和页眉上：</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="97"/>
        <source>Locked {period}.</source>
        <translation>已锁定 {period}。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="106"/>
        <source>Unlock reporting period</source>
        <translation>解锁报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="107"/>
        <source>No reporting period is locked.</source>
        <translation>没有已锁定的报告期。</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="115"/>
        <source>Unlocked {period}.</source>
        <translation>已解锁 {period}。</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="71"/>
        <source>Edit plan</source>
        <translation>编辑政策文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="71"/>
        <source>New plan</source>
        <translation>新建政策文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="83"/>
        <source>e.g. 2024-01-01</source>
        <translation>如 2024-01-01</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="84"/>
        <source>e.g. 2026-12-31 or 2026年底</source>
        <translation>如 2026-12-31 或 2026年底</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="91"/>
        <source>&amp;Title</source>
        <translation>文件名称(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="92"/>
        <source>&amp;Issuer</source>
        <translation>发文单位(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="93"/>
        <source>Document &amp;number</source>
        <translation>文号(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="94"/>
        <source>&amp;Start</source>
        <translation>实施期开始(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="95"/>
        <source>&amp;End</source>
        <translation>实施期结束(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="96"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../app/ui/plan_tree_model.py" line="53"/>
        <source>Plans</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_tree_model.py" line="60"/>
        <source>All targets</source>
        <translation>全部指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_tree_model.py" line="68"/>
        <source>(No category)</source>
        <translation>（未分维度）</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_tree_model.py" line="96"/>
        <source>{name} ({count} · {behind} behind)</source>
        <translation>{name}（{count} · 需关注 {behind}）</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_tree_model.py" line="98"/>
        <source>{name} ({count})</source>
        <translation>{name}（{count}）</translation>
    </message>
</context>
<context>
    <name>PresenceLabel</name>
    <message>
        <location filename="../../app/ui/window_locks.py" line="43"/>
        <source>Another copy of the program on this computer (process {pid}) also has this file open</source>
        <translation>本机另一个程序窗口（进程 {pid}）也打开了此文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="48"/>
        <source>{who} ({machine}) also has this file open</source>
        <translation>同事 {who}（{machine}）也打开了此文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="53"/>
        <source>What they save appears here within a few seconds. An edit based on figures they changed meanwhile is refused with the newer value, so nobody&apos;s work is overwritten.</source>
        <translation>对方保存的修改几秒内就会显示在这里；如果您修改的数据已被对方改过，修改会被拒绝并显示最新数值，谁的工作都不会被覆盖。</translation>
    </message>
</context>
<context>
    <name>ReportingModels</name>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="27"/>
        <source>On time</source>
        <translation>按时报送</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="28"/>
        <source>Late</source>
        <translation>逾期报送</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="29"/>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="30"/>
        <source>Pending</source>
        <translation>待报送</translation>
    </message>
</context>
<context>
    <name>ReportingRowModel</name>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="146"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="147"/>
        <source>Plan</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="148"/>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="149"/>
        <source>Reporting</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="150"/>
        <source>Period reported</source>
        <translation>报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="151"/>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="152"/>
        <source>Reported at</source>
        <translation>报送时间</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="153"/>
        <source>Due</source>
        <translation>报送截止</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="154"/>
        <source>Days late</source>
        <translation>逾期天数</translation>
    </message>
</context>
<context>
    <name>ReportingStatusDialog</name>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="93"/>
        <source>Reporting status</source>
        <translation>报送情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="108"/>
        <source>e.g. 2025年6月, 2025年第二季度</source>
        <translation>如 2025年6月、2025年第二季度</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="110"/>
        <source>Pick a month or quarter, or type any reporting period, e.g. 2025年上半年</source>
        <translation>选择月份或季度，或输入任意报告期，如 2025年上半年</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="117"/>
        <source>A report entered later than this many days after the period ends counts as late</source>
        <translation>期末后超过此天数才报送的，计为逾期报送</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="123"/>
        <source>&amp;Period:</source>
        <translation>报告期(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="132"/>
        <source>&amp;Due (days after period end):</source>
        <translation>报送期限（期末后天数）(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="163"/>
        <source>Show &amp;all units</source>
        <translation>显示全部单位(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="181"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/reporting_dialog.py" line="247"/>
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n 个指标</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="253"/>
        <source>%1: %2 expected, reports due %3, as of %4 — %5</source>
        <translation>%1：应报送 %2，报送截止 %3，截至 %4 —— %5</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="288"/>
        <source>All responsible units: %1</source>
        <translation>全部责任单位：%1</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="290"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="306"/>
        <source>Export reporting status</source>
        <translation>导出报送情况</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="329"/>
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
</context>
<context>
    <name>ReportingUnitModel</name>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="65"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="66"/>
        <source>Targets</source>
        <translation>指标数</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="67"/>
        <source>Reported</source>
        <translation>已报送</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="68"/>
        <source>Late</source>
        <translation>逾期报送</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="69"/>
        <source>Not reported</source>
        <translation>未报送</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="70"/>
        <source>Pending</source>
        <translation>待报送</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="71"/>
        <source>Reporting rate</source>
        <translation>报送率</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../app/ui/session.py" line="288"/>
        <source>Undo or redo was refused because the figures are in a locked reporting period; the undo history has been cleared.</source>
        <translation>撤销或重做被拒绝：相关填报属于已锁定的报告期；撤销记录已清空。</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="292"/>
        <source>Undo or redo could not be completed because the data changed meanwhile; the undo history has been cleared.</source>
        <translation>数据已被其他程序或同事修改，撤销/重做未能完成；撤销记录已清空。</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="312"/>
        <source>Add plan “%1”</source>
        <translation>添加政策文件“%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="323"/>
        <source>Edit plan “%1”</source>
        <translation>编辑政策文件“%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="332"/>
        <source>Delete plan “%1”</source>
        <translation>删除政策文件“%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="338"/>
        <source>Add target “%1”</source>
        <translation>添加指标“%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="345"/>
        <source>Edit target “%1”</source>
        <translation>编辑指标“%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="354"/>
        <source>Delete target “%1”</source>
        <translation>删除指标“%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/session.py" line="365"/>
        <source>Import %n figure(s)</source>
        <translation>
            <numerusform>导入 %n 条</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/session.py" line="371"/>
        <source>Enter %n figure(s)</source>
        <translation>
            <numerusform>填报 %n 个数值</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="379"/>
        <source>Edit figure</source>
        <translation>修改填报</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/session.py" line="387"/>
        <source>Delete %n figure(s)</source>
        <translation>
            <numerusform>删除 %n 条填报</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusOverviewChart</name>
    <message numerus="yes">
        <location filename="../../app/ui/charts/status_overview_chart.py" line="299"/>
        <source>%n monitoring indicator(s) not counted</source>
        <translation>
            <numerusform>另有 %n 个监测指标未计入</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/charts/status_overview_chart.py" line="303"/>
        <source>%n more responsible unit(s) not shown</source>
        <translation>
            <numerusform>另有 %n 个责任单位未显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/charts/status_overview_chart.py" line="305"/>
        <source>%n more plan(s) not shown</source>
        <translation>
            <numerusform>另有 %n 个政策文件未显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/charts/status_overview_chart.py" line="306"/>
        <source>(%n target(s))</source>
        <translation>
            <numerusform>（共 %n 个指标）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="107"/>
        <source>Edit target</source>
        <translation>编辑指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="107"/>
        <source>New target</source>
        <translation>新建指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="115"/>
        <source>e.g. 500, 500亿元 or 1.35万亿</source>
        <translation>如 500、500亿元 或 1.35万亿</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="116"/>
        <source>e.g. 2026-12-31 or 到2026年</source>
        <translation>如 2026-12-31 或 到2026年</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="117"/>
        <source>e.g. 352 (empty: 0 for counts)</source>
        <translation>如 352（留空：累计数按 0 计）</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="119"/>
        <source>e.g. 2023-12-31 (empty: the day before the plan starts)</source>
        <translation>如 2023-12-31（留空：实施期开始前一天）</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="128"/>
        <source>&amp;Plan</source>
        <translation>政策文件(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="129"/>
        <source>&amp;Target name</source>
        <translation>指标名称(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="130"/>
        <source>Cate&amp;gory</source>
        <translation>维度(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="131"/>
        <source>&amp;Kind</source>
        <translation>类型(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="132"/>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="133"/>
        <source>&amp;Comparator</source>
        <translation>比较方式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="134"/>
        <source>Target &amp;value</source>
        <translation>目标值(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="135"/>
        <source>&amp;Deadline</source>
        <translation>截止时间(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="136"/>
        <source>&amp;Baseline value</source>
        <translation>基期值(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="137"/>
        <source>Baseline d&amp;ate</source>
        <translation>基期日期(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="138"/>
        <source>&amp;Responsible unit</source>
        <translation>责任单位(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="139"/>
        <source>&amp;Source quote</source>
        <translation>原文摘录(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="140"/>
        <source>N&amp;otes</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="259"/>
        <source>Choose the plan this target belongs to</source>
        <translation>选择该指标所属的政策文件</translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="24"/>
        <source>Plan</source>
        <translation>政策文件</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="25"/>
        <source>Target</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="26"/>
        <source>Responsible unit</source>
        <translation>责任单位</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="27"/>
        <source>Goal</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="28"/>
        <source>Latest value</source>
        <translation>最新值</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="29"/>
        <source>Period</source>
        <translation>报告期</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="30"/>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="31"/>
        <source>Time elapsed</source>
        <translation>时序进度</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="32"/>
        <source>Lag (points)</source>
        <translation>进度差（百分点）</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="33"/>
        <source>Gap</source>
        <translation>差距</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="34"/>
        <source>Forecast at deadline</source>
        <translation>预计到期值</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="35"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="143"/>
        <source> (annualised)</source>
        <translation>（年化）</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="148"/>
        <source>(monitoring)</source>
        <translation>（监测）</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="152"/>
        <source>{goal} by {date}</source>
        <translation>{goal}（{date}）</translation>
    </message>
</context>
</TS>
