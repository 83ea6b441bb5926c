package outreach

import (
	"context"

	"shopcrm/data"
	"shopcrm/i18n"
	"shopcrm/importer"
)

// Store is what 逐个发送 and 导出短信表 ask of the archive.
type Store interface {
	i18n.TemplateStore    // the message templates
	importer.MessageStore // the message sheet
	StartOutreach(ctx context.Context, spec data.OutreachSpec) (*data.OutreachRun, error)
	OutreachRun(ctx context.Context, id int64) (*data.OutreachRun, error)
	OpenOutreachRuns(ctx context.Context) ([]*data.OutreachRun, error)
	NextOutreach(ctx context.Context, runID int64) (*data.OutreachItem, error)
	OutreachMessage(ctx context.Context, run *data.OutreachRun, it *data.OutreachItem, words data.GapWords) (string, error)
	SendOutreach(ctx context.Context, run *data.OutreachRun, it *data.OutreachItem, message string) (*data.Contact, error)
	SkipOutreach(ctx context.Context, it *data.OutreachItem) error
	ReopenOutreach(ctx context.Context, it *data.OutreachItem) error
	FinishOutreach(ctx context.Context, runID int64) error
}
