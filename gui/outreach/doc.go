// Package outreach is 逐个发送 and 导出短信表: a group or a holiday greeting walked one
// buyer at a time (their filled message on the clipboard, the id to paste it into on
// screen, Enter when sent), resumable where queues start, and the same buyers'
// messages as a sheet for a bulk SMS tool.
package outreach
