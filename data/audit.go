package data

import (
	"time"
)

// AuditAction names what an audit log entry records. Every writer of the log uses
// one of the constants below, and AuditActions lists them all, so that each has a
// phrase in every language (a raw key never reaches the activity log).
type AuditAction string

// The actions the audit log records. The count each one carries is in its comment.
const (
	AuditImport          AuditAction = "import"           // records created or updated
	AuditImportRevert    AuditAction = "import.revert"    // 1
	AuditExport          AuditAction = "export"           // customers exported
	AuditBackupRestore   AuditAction = "backup.restore"   // 1
	AuditCustomerCreate  AuditAction = "customer.create"  // 1
	AuditCustomerUpdate  AuditAction = "customer.update"  // 1
	AuditCustomerDelete  AuditAction = "customer.delete"  // 1
	AuditCustomerErase   AuditAction = "customer.erase"   // 1
	AuditCustomerExport  AuditAction = "customer.export"  // 1 (one buyer's personal data)
	AuditDemoGenerate    AuditAction = "demo.generate"    // sample customers + trades
	AuditDemoRemove      AuditAction = "demo.remove"      // sample customers removed
	AuditTiersSave       AuditAction = "tiers.save"       // tiers saved
	AuditTagsAdd         AuditAction = "tags.add"         // customers tagged
	AuditTagsRemove      AuditAction = "tags.remove"      // customers untagged
	AuditTagsAddGroup    AuditAction = "tags.add_group"   // customers of a group tagged
	AuditTagsDelete      AuditAction = "tags.delete"      // 1
	AuditLockSet         AuditAction = "lock.set"         // 0
	AuditLockRemove      AuditAction = "lock.remove"      // 0
	AuditCustomerMerge   AuditAction = "customer.merge"   // 1
	AuditCustomerUnmerge AuditAction = "customer.unmerge" // 1
	AuditOrderLink       AuditAction = "order.link"       // 1 (an order attached to a customer by hand)
	AuditOrderUnlink     AuditAction = "order.unlink"     // 1
	AuditBlacklistAdd    AuditAction = "blacklist.add"    // 1
	AuditBlacklistRemove AuditAction = "blacklist.remove" // 1
)

// AuditActions is every action the audit log records.
var AuditActions = []AuditAction{
	AuditImport, AuditImportRevert, AuditExport, AuditBackupRestore,
	AuditCustomerCreate, AuditCustomerUpdate, AuditCustomerDelete, AuditCustomerErase, AuditCustomerExport,
	AuditDemoGenerate, AuditDemoRemove, AuditTiersSave,
	AuditTagsAdd, AuditTagsRemove, AuditTagsAddGroup, AuditTagsDelete,
	AuditLockSet, AuditLockRemove, AuditCustomerMerge, AuditCustomerUnmerge,
	AuditOrderLink, AuditOrderUnlink, AuditBlacklistAdd, AuditBlacklistRemove,
}

// AuditEntry is one line of the audit log: what was done, when, to how many rows.
// It never holds personal data.
type AuditEntry struct {
	At     time.Time
	Action AuditAction // one of AuditActions, or one an older or newer version wrote
	Count  int
	Detail string // ids and counts only
}
