// Package reminders is the 提醒 screen: 逾期 / 今日 / 未来7天, each grouped by kind,
// with 复制话术, 完成, 稍后提醒, 忽略 and 打开客户 on every row, the day's desktop
// notification, and the message templates filled for a reminder.
package reminders
