package data

// Setting keys the domain's rules read.
const (
	SettingMaskPhones = "mask_phones" // "0" shows full phones in lists; anything else masks

	// SettingDormantDays is the one settings key for the dormant threshold (沉睡). Grouping
	// flags a buyer with no counting trade for this many days (or well over their own
	// repurchase interval, rfm.go); the win-back reminder also counts from the last
	// contact, since logging a contact resets its clock. Both read it through DormantDays.
	SettingDormantDays = "dormant_days"

	// SettingLockPassword holds the optional app lock password as an argon2id hash in the
	// PHC string form: $argon2id$v=19$m=…,t=…,p=…$salt$hash. Empty or absent: no lock.
	SettingLockPassword = "lock_password"
)

// DefaultDormantDays is the dormant threshold until the seller changes it.
const DefaultDormantDays = 180
