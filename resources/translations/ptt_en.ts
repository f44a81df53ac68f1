<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AppController</name>
    <message>
        <location filename="../../app/ui/application.py" line="154"/>
        <source>Opened read-only</source>
        <translation>Opened read-only</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="146"/>
        <source>Cannot open file</source>
        <translation>Cannot open file</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="176"/>
        <source>Open data file</source>
        <translation>Open data file</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="182"/>
        <location filename="../../app/ui/application.py" line="188"/>
        <source>New data file</source>
        <translation>New data file</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="189"/>
        <source>{file} already exists; choose another name.</source>
        <translation>{file} already exists; choose another name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="200"/>
        <location filename="../../app/ui/application.py" line="205"/>
        <source>Save a copy as</source>
        <translation>Save a copy as</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="205"/>
        <source>That is the file already open; choose another name.</source>
        <translation>That is the file already open; choose another name.</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="211"/>
        <source>Could not save</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="269"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../app/ui/application.py" line="271"/>
        <source>Policy Target Tracker {version}
Tracks action-plan targets against reported figures.</source>
        <translation>Policy Target Tracker {version}
Tracks action-plan targets against reported figures.</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="126"/>
        <location filename="../../app/ui/backup_dialog.py" line="204"/>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="135"/>
        <source>Backups of {file}, newest first. Restoring replaces the file with the chosen backup; the file as it is now is kept as a backup first.
Folder: {folder}</source>
        <translation>Backups of {file}, newest first. Restoring replaces the file with the chosen backup; the file as it is now is kept as a backup first.
Folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="141"/>
        <source>There are no backups of {file} yet. A backup is taken each time the file is opened for editing, and once a day while it is in use.
Folder: {folder}</source>
        <translation>There are no backups of {file} yet. A backup is taken each time the file is opened for editing, and once a day while it is in use.
Folder: {folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="167"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="202"/>
        <source>Replace {file} with the backup taken {date} ({summary})?

Changes made since then will no longer be in the file. The file as it is now is kept in the backups folder first, so this can be undone by restoring that copy.</source>
        <translation>Replace {file} with the backup taken {date} ({summary})?

Changes made since then will no longer be in the file. The file as it is now is kept in the backups folder first, so this can be undone by restoring that copy.</translation>
    </message>
</context>
<context>
    <name>BackupFlow</name>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="126"/>
        <source>Backup failed: {reason}</source>
        <translation>Backup failed: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="142"/>
        <source>The file is damaged</source>
        <translation>The file is damaged</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="144"/>
        <source>{error}

The latest good backup of this file was taken {date} ({summary}).
Restore it and open the file? Changes made after the backup are not in it. The damaged file is kept in the backups folder.</source>
        <translation>{error}

The latest good backup of this file was taken {date} ({summary}).
Restore it and open the file? Changes made after the backup are not in it. The damaged file is kept in the backups folder.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="153"/>
        <source>Restored from the backup taken {date}. The damaged file was kept as:
{copy}</source>
        <translation>Restored from the backup taken {date}. The damaged file was kept as:
{copy}</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="165"/>
        <location filename="../../app/ui/backup_flow.py" line="197"/>
        <source>Restore from backup</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="168"/>
        <source>This file is open read-only; it cannot be replaced by a backup.</source>
        <translation>This file is open read-only; it cannot be replaced by a backup.</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="216"/>
        <source>{file} has been restored from {backup}.
The file as it was before is kept as:
{copy}</source>
        <translation>{file} has been restored from {backup}.
The file as it was before is kept as:
{copy}</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="227"/>
        <location filename="../../app/ui/backup_flow.py" line="248"/>
        <location filename="../../app/ui/backup_flow.py" line="252"/>
        <source>Export audit log</source>
        <translation>Export audit log</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="239"/>
        <source>Exporting the audit log…</source>
        <translation>Exporting the audit log…</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="267"/>
        <source>Change history</source>
        <translation>Change history</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_flow.py" line="267"/>
        <source>Select a target first; its change history is then shown.</source>
        <translation>Select a target first; its change history is then shown.</translation>
    </message>
</context>
<context>
    <name>BackupListModel</name>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="41"/>
        <source>Taken</source>
        <translation>Taken</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="42"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="43"/>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="44"/>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="45"/>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../app/ui/backup_dialog.py" line="46"/>
        <source>Size</source>
        <translation>Size</translation>
    </message>
</context>
<context>
    <name>CandidateModel</name>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="122"/>
        <source>must be one of ≥ &gt; ≤ &lt; =</source>
        <translation>must be one of ≥ &gt; ≤ &lt; =</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="161"/>
        <source>Use</source>
        <translation>Use</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="162"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="163"/>
        <source>Indicator</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="164"/>
        <source>Comparator</source>
        <translation>Comparator</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="165"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="166"/>
        <source>Unit</source>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="167"/>
        <source>Deadline / period</source>
        <translation>Deadline / period</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="168"/>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="169"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="170"/>
        <source>Saves as</source>
        <translation>Saves as</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="268"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="270"/>
        <source>Progress</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="275"/>
        <source>required</source>
        <translation>required</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="287"/>
        <source>approx.</source>
        <translation>approx.</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="290"/>
        <source>up to %1</source>
        <translation>up to %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="296"/>
        <source>baseline %1</source>
        <translation>baseline %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="299"/>
        <source>no deadline: the plan&apos;s end</source>
        <translation>no deadline: the plan&apos;s end</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="314"/>
        <source>New target (the plan already has one with this name)</source>
        <translation>New target (the plan already has one with this name)</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="317"/>
        <source>New target</source>
        <translation>New target</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="320"/>
        <source>Not saved: the plan has no target named “%1”</source>
        <translation>Not saved: the plan has no target named “%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="323"/>
        <source>Figure for “%1”</source>
        <translation>Figure for “%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/candidate_model.py" line="424"/>
        <source>Row %1, %2</source>
        <translation>Row %1, %2</translation>
    </message>
</context>
<context>
    <name>ChartViews</name>
    <message>
        <location filename="../../app/ui/chart_views.py" line="70"/>
        <source>Progress chart</source>
        <translation>Progress chart</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart_views.py" line="73"/>
        <source>Status overview</source>
        <translation>Status overview</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart_views.py" line="150"/>
        <source>Export chart</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <location filename="../../app/ui/chart_views.py" line="152"/>
        <source>Size in pixels:</source>
        <translation>Size in pixels:</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="233"/>
        <source>Plan: {plan}</source>
        <translation>Plan: {plan}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="235"/>
        <source>{status} · completion {completion} · time elapsed {time} · lag {lag} points</source>
        <translation>{status} · completion {completion} · time elapsed {time} · lag {lag} points</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="246"/>
        <source>The bar is cut at {limit}; the label gives the real figure.</source>
        <translation>The bar is cut at {limit}; the label gives the real figure.</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="356"/>
        <source>Time elapsed (marker); dashed line: target 100%</source>
        <translation>Time elapsed (marker); dashed line: target 100%</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="360"/>
        <source>{completion} · time elapsed {time_progress}</source>
        <translation>{completion} · time elapsed {time_progress}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="381"/>
        <source>No target has a completion to draw yet</source>
        <translation>No target has a completion to draw yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="474"/>
        <source>Showing {shown} of {total} targets with a completion, furthest behind schedule first.</source>
        <translation>Showing {shown} of {total} targets with a completion, furthest behind schedule first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="481"/>
        <source>Targets with a completion: {total}, furthest behind schedule first.</source>
        <translation>Targets with a completion: {total}, furthest behind schedule first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="487"/>
        <source>monitoring indicators: {count}</source>
        <translation>monitoring indicators: {count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="491"/>
        <source>no data: {count}</source>
        <translation>no data: {count}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="494"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/bullet_chart.py" line="495"/>
        <source>Not shown: {items}.</source>
        <translation>Not shown: {items}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/common.py" line="75"/>
        <source>No data to draw</source>
        <translation>No data to draw</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/common.py" line="119"/>
        <source>Could not write {path}</source>
        <translation>Could not write {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="117"/>
        <source>By plan</source>
        <translation>By plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="118"/>
        <source>By responsible unit</source>
        <translation>By responsible unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="119"/>
        <source>Include monitoring indicators</source>
        <translation>Include monitoring indicators</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="264"/>
        <source>Number of targets</source>
        <translation>Number of targets</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="312"/>
        <source>Only monitoring indicators: tick “Include monitoring indicators” to count them</source>
        <translation>Only monitoring indicators: tick “Include monitoring indicators” to count them</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="315"/>
        <source>No targets to count</source>
        <translation>No targets to count</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="318"/>
        <source>(no responsible unit)</source>
        <translation>(no responsible unit)</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/status_overview_chart.py" line="348"/>
        <source>{name}
{counts}
Total {total}; click to show these targets</source>
        <translation>{name}
{counts}
Total {total}; click to show these targets</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="40"/>
        <source>Choose a target</source>
        <translation>Choose a target</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="41"/>
        <source>No reported values yet</source>
        <translation>No reported values yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="42"/>
        <source>Reported values</source>
        <translation>Reported values</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="43"/>
        <source>Annualised (part of a year)</source>
        <translation>Annualised (part of a year)</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="44"/>
        <source>Required path</source>
        <translation>Required path</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="45"/>
        <source>Forecast</source>
        <translation>Forecast</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="46"/>
        <source>Forecast (linear)</source>
        <translation>Forecast (linear)</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="47"/>
        <source>Forecast (compound growth)</source>
        <translation>Forecast (compound growth)</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="48"/>
        <source>Target {value}</source>
        <translation>Target {value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="49"/>
        <source>Threshold {value}</source>
        <translation>Threshold {value}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="50"/>
        <source>As of {date}</source>
        <translation>As of {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/charts/trajectory_chart.py" line="51"/>
        <source>Deadline {date}</source>
        <translation>Deadline {date}</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="155"/>
        <location filename="../../app/ui/detail_pane.py" line="246"/>
        <source>Choose a target in the table to see its details.</source>
        <translation>Choose a target in the table to see its details.</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="248"/>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="249"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="250"/>
        <source>Responsible unit</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="251"/>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="252"/>
        <source>Baseline</source>
        <translation>Baseline</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="253"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="254"/>
        <source>Latest value</source>
        <translation>Latest value</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="255"/>
        <source>Reported for</source>
        <translation>Reported for</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="256"/>
        <source>Completion</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="257"/>
        <source>Time elapsed (时序进度)</source>
        <translation>Time elapsed (时序进度)</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="258"/>
        <source>Lag</source>
        <translation>Lag</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="259"/>
        <source>Gap</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="260"/>
        <source>Forecast at deadline</source>
        <translation>Forecast at deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="267"/>
        <source>Notes on the figures</source>
        <translation>Notes on the figures</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="268"/>
        <source>Reported figures</source>
        <translation>Reported figures</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="269"/>
        <source>Source text (原文)</source>
        <translation>Source text (原文)</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="270"/>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="330"/>
        <source>Completion, lag and gap use the annualised value.</source>
        <translation>Completion, lag and gap use the annualised value.</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="359"/>
        <source>None (monitoring indicator)</source>
        <translation>None (monitoring indicator)</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="363"/>
        <source>{comparator} {amount} by {deadline}</source>
        <translation>{comparator} {amount} by {deadline}</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="374"/>
        <source>{amount} at {date}</source>
        <translation>{amount} at {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="381"/>
        <source>{value} (annualised)</source>
        <translation>{value} (annualised)</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="386"/>
        <source>{points} points</source>
        <translation>{points} points</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="393"/>
        <source>linear trend</source>
        <translation>linear trend</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="393"/>
        <source>compound growth</source>
        <translation>compound growth</translation>
    </message>
</context>
<context>
    <name>EntryGrid</name>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="72"/>
        <location filename="../../app/ui/entry_grid.py" line="286"/>
        <source>Save new rows</source>
        <translation>Save new rows</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="73"/>
        <location filename="../../app/ui/entry_grid.py" line="287"/>
        <source>Delete selected</source>
        <translation>Delete selected</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="176"/>
        <source>… and {n} more</source>
        <translation>… and {n} more</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="195"/>
        <source>Saved cells are not cleared: use “Delete selected” to delete saved rows.</source>
        <translation>Saved cells are not cleared: use “Delete selected” to delete saved rows.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="270"/>
        <source>Nothing saved: fix or clear the red cells first.</source>
        <translation>Nothing saved: fix or clear the red cells first.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/entry_grid.py" line="297"/>
        <source>%n invalid cell(s): point at a red cell to see why.</source>
        <translation>
            <numerusform>%n invalid cell: point at a red cell to see why.</numerusform>
            <numerusform>%n invalid cells: point at a red cell to see why.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="300"/>
        <source>A period typed without a year is the latest one ended by {date}.</source>
        <translation>A period typed without a year is the latest one ended by {date}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid.py" line="305"/>
        <source>Periods typed without a year count as {year}.</source>
        <translation>Periods typed without a year count as {year}.</translation>
    </message>
</context>
<context>
    <name>EntryGridModel</name>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="40"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="41"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="42"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="43"/>
        <source>Value type</source>
        <translation>Value type</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="44"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="45"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="193"/>
        <source>Locked: {period} was locked by {who} on {when}. Unlock it (Edit → Unlock reporting period…) to change or delete this figure.</source>
        <translation>Locked: {period} was locked by {who} on {when}. Unlock it (Edit → Unlock reporting period…) to change or delete this figure.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="283"/>
        <source>Type or paste a new entry here</source>
        <translation>Type or paste a new entry here</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="283"/>
        <source>Not saved yet</source>
        <translation>Not saved yet</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="452"/>
        <source>The clipboard holds no cells to paste.</source>
        <translation>The clipboard holds no cells to paste.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="455"/>
        <source>Nothing was pasted: the block has {pasted} columns, but only {fit} fit here.</source>
        <translation>Nothing was pasted: the block has {pasted} columns, but only {fit} fit here.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="465"/>
        <source>Row {row} {column}: {message}</source>
        <translation>Row {row} {column}: {message}</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="473"/>
        <source>Pasted {rows} rows: {valid} valid, {bad} with errors.</source>
        <translation>Pasted {rows} rows: {valid} valid, {bad} with errors.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="477"/>
        <source>{n} still need a period and a value.</source>
        <translation>{n} still need a period and a value.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="479"/>
        <source>Saved rows cannot be pasted over; pasted below them at row {row}.</source>
        <translation>Saved rows cannot be pasted over; pasted below them at row {row}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="532"/>
        <source>“{name}” is not one of these targets: {names}</source>
        <translation>“{name}” is not one of these targets: {names}</translation>
    </message>
    <message>
        <location filename="../../app/ui/entry_grid_model.py" line="538"/>
        <source>Type the name of the target this figure is for.</source>
        <translation>Type the name of the target this figure is for.</translation>
    </message>
</context>
<context>
    <name>EntryHistoryModel</name>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="44"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="45"/>
        <source>Value as reported</source>
        <translation>Value as reported</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="46"/>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="47"/>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/ui/detail_pane.py" line="48"/>
        <source>Note</source>
        <translation>Note</translation>
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
        <translation>Targets from policy text</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="149"/>
        <location filename="../../app/ui/extract_dialog.py" line="424"/>
        <source>This file is open read-only; nothing can be saved.</source>
        <translation>This file is open read-only; nothing can be saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="152"/>
        <location filename="../../app/ui/extract_dialog.py" line="427"/>
        <source>Add a plan first: every target belongs to a plan.</source>
        <translation>Add a plan first: every target belongs to a plan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="161"/>
        <source>Paste the text of a policy document or press release here, or open a .txt or .docx file; then press Extract (Ctrl+Enter).</source>
        <translation>Paste the text of a policy document or press release here, or open a .txt or .docx file; then press Extract (Ctrl+Enter).</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="165"/>
        <source>Open file…</source>
        <translation>Open file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="172"/>
        <source>Extract</source>
        <translation>Extract</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="181"/>
        <source>Document date:</source>
        <translation>Document date:</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="213"/>
        <source>Click a row to show its sentence in full.</source>
        <translation>Click a row to show its sentence in full.</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="219"/>
        <source>Source text:</source>
        <translation>Source text:</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="232"/>
        <source>Save into plan:</source>
        <translation>Save into plan:</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="240"/>
        <location filename="../../app/ui/extract_dialog.py" line="255"/>
        <source>Drop selected</source>
        <translation>Drop selected</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="242"/>
        <source>Save selected</source>
        <translation>Save selected</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="244"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="330"/>
        <source>Open policy document</source>
        <translation>Open policy document</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="348"/>
        <source>Paste some text or open a file first.</source>
        <translation>Paste some text or open a file first.</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="363"/>
        <source>Reading the text…</source>
        <translation>Reading the text…</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="383"/>
        <source>The text could not be read: %1</source>
        <translation>The text could not be read: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="389"/>
        <source>(found in the text)</source>
        <translation>(found in the text)</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="395"/>
        <source>No targets or figures were found in this text.</source>
        <translation>No targets or figures were found in this text.</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="398"/>
        <source>Found %1 and %2.</source>
        <translation>Found %1 and %2.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="399"/>
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n target</numerusform>
            <numerusform>%n targets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="400"/>
        <source>%n progress figure(s)</source>
        <translation>
            <numerusform>%n progress figure</numerusform>
            <numerusform>%n progress figures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="402"/>
        <source>Tick the rows to keep, correct any cell, then save.</source>
        <translation>Tick the rows to keep, correct any cell, then save.</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="421"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="430"/>
        <source>Nothing is ticked: tick “Use” on the rows to save.</source>
        <translation>Nothing is ticked: tick “Use” on the rows to save.</translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="451"/>
        <source>Saved %1 and %2 into “%3”.</source>
        <translation>Saved %1 and %2 into “%3”.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="461"/>
        <source>%n ticked figure(s) not saved: the plan has no target of the same name (rename the indicator to a target&apos;s name to save it).</source>
        <translation>
            <numerusform>%n ticked figure not saved: the plan has no target of the same name (rename the indicator to a target&apos;s name to save it).</numerusform>
            <numerusform>%n ticked figures not saved: the plan has no target of the same name (rename the indicator to a target&apos;s name to save it).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="469"/>
        <source>%n new target(s)</source>
        <translation>
            <numerusform>%n new target</numerusform>
            <numerusform>%n new targets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="470"/>
        <source>%n figure(s)</source>
        <translation>
            <numerusform>%n figure</numerusform>
            <numerusform>%n figures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/extract_dialog.py" line="507"/>
        <source>Add from policy text (%1, %2)</source>
        <translation>Add from policy text (%1, %2)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/extract_dialog.py" line="522"/>
        <source>Discard %n ticked row(s) that have not been saved?</source>
        <translation>
            <numerusform>Discard %n ticked row that have not been saved?</numerusform>
            <numerusform>Discard %n ticked rows that have not been saved?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="46"/>
        <location filename="../../app/ui/filter_bar.py" line="65"/>
        <source>Search targets, plans, units, categories, quotes…</source>
        <translation>Search targets, plans, units, categories, quotes…</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="48"/>
        <location filename="../../app/ui/filter_bar.py" line="66"/>
        <source>All words must match (Ctrl+F)</source>
        <translation>All words must match (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="52"/>
        <location filename="../../app/ui/filter_bar.py" line="67"/>
        <source>All units</source>
        <translation>All units</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="54"/>
        <location filename="../../app/ui/filter_bar.py" line="68"/>
        <source>All statuses</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../app/ui/filter_bar.py" line="55"/>
        <location filename="../../app/ui/filter_bar.py" line="69"/>
        <source>Behind (off track + overdue + at risk)</source>
        <translation>Behind (off track + overdue + at risk)</translation>
    </message>
</context>
<context>
    <name>FormFeedback</name>
    <message>
        <location filename="../../app/ui/form_feedback.py" line="180"/>
        <source>Still to fill in: {fields}</source>
        <translation>Still to fill in: {fields}</translation>
    </message>
    <message>
        <location filename="../../app/ui/form_feedback.py" line="181"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../app/ui/history_view.py" line="146"/>
        <source>Change history — {target}</source>
        <translation>Change history — {target}</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="150"/>
        <source>Changes to the target and its figures, newest first, from the audit trail.</source>
        <translation>Changes to the target and its figures, newest first, from the audit trail.</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <location filename="../../app/ui/history_view.py" line="33"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="34"/>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="35"/>
        <source>Computer</source>
        <translation>Computer</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="36"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="37"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../app/ui/history_view.py" line="38"/>
        <source>Changes</source>
        <translation>Changes</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <location filename="../../app/ui/history_view.py" line="122"/>
        <source>No changes are recorded for this target.</source>
        <translation>No changes are recorded for this target.</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="33"/>
        <source>Import preview</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="49"/>
        <source>All rows</source>
        <translation>All rows</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="52"/>
        <source>Show:</source>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_dialog.py" line="55"/>
        <source>Also import rows with warnings</source>
        <translation>Also import rows with warnings</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/import_dialog.py" line="120"/>
        <source>Import %n figure(s)</source>
        <translation>
            <numerusform>Import %n figure</numerusform>
            <numerusform>Import %n figures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="27"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="28"/>
        <source>Cell</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="29"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="30"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="31"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="32"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/ui/import_preview_model.py" line="33"/>
        <source>File</source>
        <translation>File</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../app/ui/labels.py" line="17"/>
        <source>Achieved</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="18"/>
        <source>On track</source>
        <translation>On track</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="19"/>
        <source>At risk</source>
        <translation>At risk</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="20"/>
        <source>Off track</source>
        <translation>Off track</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="21"/>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="22"/>
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="23"/>
        <source>Monitoring</source>
        <translation>Monitoring</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="26"/>
        <source>Cumulative count</source>
        <translation>Cumulative count</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="27"/>
        <source>Level / scale</source>
        <translation>Level / scale</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="28"/>
        <source>Yearly flow</source>
        <translation>Yearly flow</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="29"/>
        <source>Rate / share</source>
        <translation>Rate / share</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="30"/>
        <source>Milestone</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="31"/>
        <source>Monitoring indicator</source>
        <translation>Monitoring indicator</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="34"/>
        <source>Running total</source>
        <translation>Running total</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="35"/>
        <source>Amount in period</source>
        <translation>Amount in period</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="36"/>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="39"/>
        <source>≥ at least</source>
        <translation>≥ at least</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="40"/>
        <source>&gt; more than</source>
        <translation>&gt; more than</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="41"/>
        <source>≤ at most</source>
        <translation>≤ at most</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="42"/>
        <source>&lt; less than</source>
        <translation>&lt; less than</translation>
    </message>
    <message>
        <location filename="../../app/ui/labels.py" line="43"/>
        <source>= exactly</source>
        <translation>= exactly</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="175"/>
        <source>Unlock reporting period</source>
        <translation>Unlock reporting period</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="178"/>
        <source>Choose the locked period to unlock. Its figures can then be added, corrected or deleted again; the unlocking is recorded in the audit trail.</source>
        <translation>Choose the locked period to unlock. Its figures can then be added, corrected or deleted again; the unlocking is recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="182"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="185"/>
        <source>Lock reporting period</source>
        <translation>Lock reporting period</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="188"/>
        <source>Once a period&apos;s report is approved, lock it: figures whose period ends inside it cannot be added, changed, deleted or imported until it is unlocked (a January–June figure belongs to June). Locking is recorded in the audit trail.</source>
        <translation>Once a period&apos;s report is approved, lock it: figures whose period ends inside it cannot be added, changed, deleted or imported until it is unlocked (a January–June figure belongs to June). Locking is recorded in the audit trail.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="193"/>
        <source>e.g. 2025年6月, 2025年第二季度, 2025年上半年</source>
        <translation>e.g. 2025年6月, 2025年第二季度, 2025年上半年</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="194"/>
        <source>e.g. the approved report</source>
        <translation>e.g. the approved report</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="195"/>
        <source>&amp;Lock</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="198"/>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="200"/>
        <source>&amp;Note:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="207"/>
        <source>Locked already:</source>
        <translation>Locked already:</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="207"/>
        <source>No period is locked yet.</source>
        <translation>No period is locked yet.</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="240"/>
        <source>Locks {start} to {end} ({label}).</source>
        <translation>Locks {start} to {end} ({label}).</translation>
    </message>
</context>
<context>
    <name>LockTableModel</name>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="75"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="76"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="77"/>
        <source>Locked by</source>
        <translation>Locked by</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="78"/>
        <source>Locked at</source>
        <translation>Locked at</translation>
    </message>
    <message>
        <location filename="../../app/ui/lock_dialog.py" line="79"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="243"/>
        <source>Policy Target Tracker</source>
        <translation>Policy Target Tracker</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="244"/>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="245"/>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="247"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="248"/>
        <source>Figures</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="249"/>
        <source>As of </source>
        <translation>As of </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="250"/>
        <source>Every status is recomputed for this date</source>
        <translation>Every status is recomputed for this date</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="303"/>
        <source>Could not complete the action</source>
        <translation>Could not complete the action</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="359"/>
        <location filename="../../app/ui/main_window.py" line="363"/>
        <source>Export chart</source>
        <translation>Export chart</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="364"/>
        <source>Open a chart first: the Progress chart or Status overview tab, or select a target.</source>
        <translation>Open a chart first: the Progress chart or Status overview tab, or select a target.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="367"/>
        <source>Chart saved: {path}</source>
        <translation>Chart saved: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_grid.py" line="71"/>
        <source>Figures of {unit} — %n target(s)</source>
        <translation>Figures of {unit} — %n target(s)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_grid.py" line="75"/>
        <source>Figures of “{name}” ({unit})</source>
        <translation>Figures of “{name}” ({unit})</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_grid.py" line="79"/>
        <source>Choose a target in the table, or Edit → Enter figures for a responsible unit.</source>
        <translation>Choose a target in the table, or Edit → Enter figures for a responsible unit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="396"/>
        <source>No targets yet: add a plan (Edit → New plan, Ctrl+Shift+N), then its targets (Ctrl+T).</source>
        <translation>No targets yet: add a plan (Edit → New plan, Ctrl+Shift+N), then its targets (Ctrl+T).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="402"/>
        <source>As of {date}: %n target(s) — {summary}</source>
        <translation>
            <numerusform>As of {date}: %n target — {summary}</numerusform>
            <numerusform>As of {date}: %n targets — {summary}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="413"/>
        <source>demo data, a copy</source>
        <translation>demo data, a copy</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="415"/>
        <source>read-only</source>
        <translation>read-only</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="416"/>
        <source> ({marks})</source>
        <translation> ({marks})</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="416"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="418"/>
        <source>{file}{marks} · as of {date}</source>
        <translation>{file}{marks} · as of {date}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="51"/>
        <source>Not saved: changed meanwhile</source>
        <translation>Not saved: changed meanwhile</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="55"/>
        <location filename="../../app/ui/window_editing.py" line="57"/>
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="91"/>
        <source>Delete the plan “{title}” with its {n} targets and all their figures? (Undo can bring it back.)</source>
        <translation>Delete the plan “{title}” with its {n} targets and all their figures? (Undo can bring it back.)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="96"/>
        <source>Delete plan</source>
        <translation>Delete plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="109"/>
        <source>New target</source>
        <translation>New target</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="110"/>
        <source>Add a plan first: every target belongs to a plan.</source>
        <translation>Add a plan first: every target belongs to a plan.</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="132"/>
        <source>Delete the target “{name}” and its {n} figures? (Undo can bring it back.)</source>
        <translation>Delete the target “{name}” and its {n} figures? (Undo can bring it back.)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="136"/>
        <source>Delete target</source>
        <translation>Delete target</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="152"/>
        <source>Delete %n selected figure(s)? (Undo can bring them back.)</source>
        <translation>Delete %n selected figure(s)? (Undo can bring them back.)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_grid.py" line="105"/>
        <source>Enter figures</source>
        <translation>Enter figures</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_grid.py" line="106"/>
        <source>Responsible unit:</source>
        <translation>Responsible unit:</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_editing.py" line="155"/>
        <source>Delete figures</source>
        <translation>Delete figures</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="168"/>
        <source>&amp;New data file…</source>
        <translation>&amp;New data file…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="169"/>
        <source>&amp;Open…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="170"/>
        <source>Save a &amp;copy as…</source>
        <translation>Save a &amp;copy as…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="171"/>
        <source>Open the &amp;demo data</source>
        <translation>Open the &amp;demo data</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="172"/>
        <source>E&amp;xport chart…</source>
        <translation>E&amp;xport chart…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="173"/>
        <source>Print pre&amp;view…</source>
        <translation>Print pre&amp;view…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="174"/>
        <source>&amp;Print report…</source>
        <translation>&amp;Print report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="175"/>
        <source>Export &amp;report (PDF, Word, Excel)…</source>
        <translation>Export &amp;report (PDF, Word, Excel)…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="176"/>
        <source>Export fill-in &amp;template…</source>
        <translation>Export fill-in &amp;template…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="177"/>
        <source>&amp;Import returned sheets…</source>
        <translation>&amp;Import returned sheets…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="178"/>
        <source>&amp;Issuing unit for reports…</source>
        <translation>&amp;Issuing unit for reports…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="179"/>
        <source>Restore from &amp;backup…</source>
        <translation>Restore from &amp;backup…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="180"/>
        <source>Export &amp;audit log…</source>
        <translation>Export &amp;audit log…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="181"/>
        <source>Change &amp;history of target…</source>
        <translation>Change &amp;history of target…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="182"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="183"/>
        <source>&amp;Undo</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="184"/>
        <source>&amp;Redo</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="185"/>
        <source>New &amp;plan…</source>
        <translation>New &amp;plan…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="186"/>
        <source>Edit plan…</source>
        <translation>Edit plan…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="187"/>
        <source>Delete plan…</source>
        <translation>Delete plan…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="188"/>
        <source>New &amp;target…</source>
        <translation>New &amp;target…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="189"/>
        <source>&amp;Edit target…</source>
        <translation>&amp;Edit target…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="190"/>
        <source>&amp;Delete target…</source>
        <translation>&amp;Delete target…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="191"/>
        <source>Enter &amp;figures</source>
        <translation>Enter &amp;figures</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="192"/>
        <source>Enter figures for a responsible &amp;unit</source>
        <translation>Enter figures for a responsible &amp;unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="193"/>
        <source>&amp;Lock reporting period…</source>
        <translation>&amp;Lock reporting period…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="194"/>
        <source>Unloc&amp;k reporting period…</source>
        <translation>Unloc&amp;k reporting period…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="195"/>
        <source>Targets from policy te&amp;xt…</source>
        <translation>Targets from policy te&amp;xt…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="196"/>
        <source>Reporting &amp;status of units…</source>
        <translation>Reporting &amp;status of units…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="197"/>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="198"/>
        <source>&amp;Find…</source>
        <translation>&amp;Find…</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="199"/>
        <source>Show targets &amp;behind</source>
        <translation>Show targets &amp;behind</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="200"/>
        <source>Follow the system</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="201"/>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="205"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="206"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="207"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="208"/>
        <source>&amp;Settings</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="209"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="210"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_actions.py" line="211"/>
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="124"/>
        <location filename="../../app/ui/window_reports.py" line="146"/>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="135"/>
        <source>Writing the report…</source>
        <translation>Writing the report…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="39"/>
        <source>All responsible units</source>
        <translation>All responsible units</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="41"/>
        <location filename="../../app/ui/window_import.py" line="51"/>
        <location filename="../../app/ui/window_import.py" line="63"/>
        <source>Export fill-in template</source>
        <translation>Export fill-in template</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="42"/>
        <source>Template for:</source>
        <translation>Template for:</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="66"/>
        <source>Template written: %1 (%2 rows)</source>
        <translation>Template written: %1 (%2 rows)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="95"/>
        <location filename="../../app/ui/window_import.py" line="137"/>
        <location filename="../../app/ui/window_import.py" line="168"/>
        <source>Import returned sheets</source>
        <translation>Import returned sheets</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="99"/>
        <source>This file is open read-only; nothing can be imported.</source>
        <translation>This file is open read-only; nothing can be imported.</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="115"/>
        <source>Checking the sheets…</source>
        <translation>Checking the sheets…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="148"/>
        <location filename="../../app/ui/window_reports.py" line="63"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="169"/>
        <source>Saving the figures…</source>
        <translation>Saving the figures…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_import.py" line="132"/>
        <location filename="../../app/ui/window_import.py" line="186"/>
        <source>Import cancelled; nothing was saved.</source>
        <translation>Import cancelled; nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="85"/>
        <source>Drawing the charts…</source>
        <translation>Drawing the charts…</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="118"/>
        <source>Print report</source>
        <translation>Print report</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="142"/>
        <source>Report cancelled; nothing was written.</source>
        <translation>Report cancelled; nothing was written.</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="151"/>
        <source>Report saved: {path}</source>
        <translation>Report saved: {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="153"/>
        <source>(no target matched the filters; the report says so)</source>
        <translation>(no target matched the filters; the report says so)</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="163"/>
        <source>Issuing unit</source>
        <translation>Issuing unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_reports.py" line="164"/>
        <source>Printed on the cover and in the page header:</source>
        <translation>Printed on the cover and in the page header:</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="97"/>
        <source>Locked {period}.</source>
        <translation>Locked {period}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="106"/>
        <source>Unlock reporting period</source>
        <translation>Unlock reporting period</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="107"/>
        <source>No reporting period is locked.</source>
        <translation>No reporting period is locked.</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="115"/>
        <source>Unlocked {period}.</source>
        <translation>Unlocked {period}.</translation>
    </message>
</context>
<context>
    <name>PlanDialog</name>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="71"/>
        <source>Edit plan</source>
        <translation>Edit plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="71"/>
        <source>New plan</source>
        <translation>New plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="83"/>
        <source>e.g. 2024-01-01</source>
        <translation>e.g. 2024-01-01</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="84"/>
        <source>e.g. 2026-12-31 or 2026年底</source>
        <translation>e.g. 2026-12-31 or 2026年底</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="91"/>
        <source>&amp;Title</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="92"/>
        <source>&amp;Issuer</source>
        <translation>&amp;Issuer</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="93"/>
        <source>Document &amp;number</source>
        <translation>Document &amp;number</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="94"/>
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="95"/>
        <source>&amp;End</source>
        <translation>&amp;End</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_dialog.py" line="96"/>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
</context>
<context>
    <name>PlanTreeModel</name>
    <message>
        <location filename="../../app/ui/plan_tree_model.py" line="53"/>
        <source>Plans</source>
        <translation>Plans</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_tree_model.py" line="60"/>
        <source>All targets</source>
        <translation>All targets</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_tree_model.py" line="68"/>
        <source>(No category)</source>
        <translation>(No category)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_tree_model.py" line="96"/>
        <source>{name} ({count} · {behind} behind)</source>
        <translation>{name} ({count} · {behind} behind)</translation>
    </message>
    <message>
        <location filename="../../app/ui/plan_tree_model.py" line="98"/>
        <source>{name} ({count})</source>
        <translation>{name} ({count})</translation>
    </message>
</context>
<context>
    <name>PresenceLabel</name>
    <message>
        <location filename="../../app/ui/window_locks.py" line="43"/>
        <source>Another copy of the program on this computer (process {pid}) also has this file open</source>
        <translation>Another copy of the program on this computer (process {pid}) also has this file open</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="48"/>
        <source>{who} ({machine}) also has this file open</source>
        <translation>{who} ({machine}) also has this file open</translation>
    </message>
    <message>
        <location filename="../../app/ui/window_locks.py" line="53"/>
        <source>What they save appears here within a few seconds. An edit based on figures they changed meanwhile is refused with the newer value, so nobody&apos;s work is overwritten.</source>
        <translation>What they save appears here within a few seconds. An edit based on figures they changed meanwhile is refused with the newer value, so nobody&apos;s work is overwritten.</translation>
    </message>
</context>
<context>
    <name>ReportingModels</name>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="27"/>
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="28"/>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="29"/>
        <source>Not reported</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="30"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
</context>
<context>
    <name>ReportingRowModel</name>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="146"/>
        <source>Responsible unit</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="147"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="148"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="149"/>
        <source>Reporting</source>
        <translation>Reporting</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="150"/>
        <source>Period reported</source>
        <translation>Period reported</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="151"/>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="152"/>
        <source>Reported at</source>
        <translation>Reported at</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="153"/>
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="154"/>
        <source>Days late</source>
        <translation>Days late</translation>
    </message>
</context>
<context>
    <name>ReportingStatusDialog</name>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="93"/>
        <source>Reporting status</source>
        <translation>Reporting status</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="108"/>
        <source>e.g. 2025年6月, 2025年第二季度</source>
        <translation>e.g. 2025年6月, 2025年第二季度</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="110"/>
        <source>Pick a month or quarter, or type any reporting period, e.g. 2025年上半年</source>
        <translation>Pick a month or quarter, or type any reporting period, e.g. 2025年上半年</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="117"/>
        <source>A report entered later than this many days after the period ends counts as late</source>
        <translation>A report entered later than this many days after the period ends counts as late</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="123"/>
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="132"/>
        <source>&amp;Due (days after period end):</source>
        <translation>&amp;Due (days after period end):</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="163"/>
        <source>Show &amp;all units</source>
        <translation>Show &amp;all units</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="181"/>
        <source>&amp;Export to Excel…</source>
        <translation>&amp;Export to Excel…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/reporting_dialog.py" line="247"/>
        <source>%n target(s)</source>
        <translation>
            <numerusform>%n target</numerusform>
            <numerusform>%n targets</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="253"/>
        <source>%1: %2 expected, reports due %3, as of %4 — %5</source>
        <translation>%1: %2 expected, reports due %3, as of %4 — %5</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="288"/>
        <source>All responsible units: %1</source>
        <translation>All responsible units: %1</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="290"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="306"/>
        <source>Export reporting status</source>
        <translation>Export reporting status</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_dialog.py" line="329"/>
        <source>Saved: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>ReportingUnitModel</name>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="65"/>
        <source>Responsible unit</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="66"/>
        <source>Targets</source>
        <translation>Targets</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="67"/>
        <source>Reported</source>
        <translation>Reported</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="68"/>
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="69"/>
        <source>Not reported</source>
        <translation>Not reported</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="70"/>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <location filename="../../app/ui/reporting_models.py" line="71"/>
        <source>Reporting rate</source>
        <translation>Reporting rate</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../app/ui/session.py" line="288"/>
        <source>Undo or redo was refused because the figures are in a locked reporting period; the undo history has been cleared.</source>
        <translation>Undo or redo was refused because the figures are in a locked reporting period; the undo history has been cleared.</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="292"/>
        <source>Undo or redo could not be completed because the data changed meanwhile; the undo history has been cleared.</source>
        <translation>Undo or redo could not be completed because the data changed meanwhile; the undo history has been cleared.</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="312"/>
        <source>Add plan “%1”</source>
        <translation>Add plan “%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="323"/>
        <source>Edit plan “%1”</source>
        <translation>Edit plan “%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="332"/>
        <source>Delete plan “%1”</source>
        <translation>Delete plan “%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="338"/>
        <source>Add target “%1”</source>
        <translation>Add target “%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="345"/>
        <source>Edit target “%1”</source>
        <translation>Edit target “%1”</translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="354"/>
        <source>Delete target “%1”</source>
        <translation>Delete target “%1”</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/session.py" line="365"/>
        <source>Import %n figure(s)</source>
        <translation>
            <numerusform>Import %n figure</numerusform>
            <numerusform>Import %n figures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/session.py" line="371"/>
        <source>Enter %n figure(s)</source>
        <translation>
            <numerusform>Enter %n figure</numerusform>
            <numerusform>Enter %n figures</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/session.py" line="379"/>
        <source>Edit figure</source>
        <translation>Edit figure</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/session.py" line="387"/>
        <source>Delete %n figure(s)</source>
        <translation>
            <numerusform>Delete %n figure</numerusform>
            <numerusform>Delete %n figures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StatusOverviewChart</name>
    <message numerus="yes">
        <location filename="../../app/ui/charts/status_overview_chart.py" line="299"/>
        <source>%n monitoring indicator(s) not counted</source>
        <translation>
            <numerusform>%n monitoring indicator not counted</numerusform>
            <numerusform>%n monitoring indicators not counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/charts/status_overview_chart.py" line="303"/>
        <source>%n more responsible unit(s) not shown</source>
        <translation>
            <numerusform>%n more responsible unit not shown</numerusform>
            <numerusform>%n more responsible units not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/charts/status_overview_chart.py" line="305"/>
        <source>%n more plan(s) not shown</source>
        <translation>
            <numerusform>%n more plan not shown</numerusform>
            <numerusform>%n more plans not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/charts/status_overview_chart.py" line="306"/>
        <source>(%n target(s))</source>
        <translation>
            <numerusform>(%n target)</numerusform>
            <numerusform>(%n targets)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TargetDialog</name>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="107"/>
        <source>Edit target</source>
        <translation>Edit target</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="107"/>
        <source>New target</source>
        <translation>New target</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="115"/>
        <source>e.g. 500, 500亿元 or 1.35万亿</source>
        <translation>e.g. 500, 500亿元 or 1.35万亿</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="116"/>
        <source>e.g. 2026-12-31 or 到2026年</source>
        <translation>e.g. 2026-12-31 or 到2026年</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="117"/>
        <source>e.g. 352 (empty: 0 for counts)</source>
        <translation>e.g. 352 (empty: 0 for counts)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="119"/>
        <source>e.g. 2023-12-31 (empty: the day before the plan starts)</source>
        <translation>e.g. 2023-12-31 (empty: the day before the plan starts)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="128"/>
        <source>&amp;Plan</source>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="129"/>
        <source>&amp;Target name</source>
        <translation>&amp;Target name</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="130"/>
        <source>Cate&amp;gory</source>
        <translation>Cate&amp;gory</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="131"/>
        <source>&amp;Kind</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="132"/>
        <source>&amp;Unit</source>
        <translation>&amp;Unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="133"/>
        <source>&amp;Comparator</source>
        <translation>&amp;Comparator</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="134"/>
        <source>Target &amp;value</source>
        <translation>Target &amp;value</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="135"/>
        <source>&amp;Deadline</source>
        <translation>&amp;Deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="136"/>
        <source>&amp;Baseline value</source>
        <translation>&amp;Baseline value</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="137"/>
        <source>Baseline d&amp;ate</source>
        <translation>Baseline d&amp;ate</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="138"/>
        <source>&amp;Responsible unit</source>
        <translation>&amp;Responsible unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="139"/>
        <source>&amp;Source quote</source>
        <translation>&amp;Source quote</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="140"/>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_dialog.py" line="259"/>
        <source>Choose the plan this target belongs to</source>
        <translation>Choose the plan this target belongs to</translation>
    </message>
</context>
<context>
    <name>TargetTableModel</name>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="24"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="25"/>
        <source>Target</source>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="26"/>
        <source>Responsible unit</source>
        <translation>Responsible unit</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="27"/>
        <source>Goal</source>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="28"/>
        <source>Latest value</source>
        <translation>Latest value</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="29"/>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="30"/>
        <source>Completion</source>
        <translation>Completion</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="31"/>
        <source>Time elapsed</source>
        <translation>Time elapsed</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="32"/>
        <source>Lag (points)</source>
        <translation>Lag (points)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="33"/>
        <source>Gap</source>
        <translation>Gap</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="34"/>
        <source>Forecast at deadline</source>
        <translation>Forecast at deadline</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="35"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="143"/>
        <source> (annualised)</source>
        <translation> (annualised)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="148"/>
        <source>(monitoring)</source>
        <translation>(monitoring)</translation>
    </message>
    <message>
        <location filename="../../app/ui/target_table_model.py" line="152"/>
        <source>{goal} by {date}</source>
        <translation>{goal} by {date}</translation>
    </message>
</context>
</TS>
