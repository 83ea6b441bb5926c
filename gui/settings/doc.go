// Package settings is the 设置 screen: 常规 (language, look, text size, data folder),
// 跟进提醒 (rules and message templates), privacy, the app lock, backups and the audit
// log. Each section declares the small store interface it uses; the shell builds the
// sections and hands them the store and the callbacks that reach other screens.
package settings
