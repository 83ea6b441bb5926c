package customers

import (
	"fyne.io/fyne/v2/lang"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// buildSections makes the panel's rows, one per condition of data.CustomerFilter, in
// the four sections a seller thinks in. f is the filter about to be shown: a tier or
// tag it names that the archive no longer has stays a choice, so nothing is lost.
func (p *filterPanel) buildSections(f data.CustomerFilter) []filterSection {
	ch := p.changed
	money := func(key string) string { return lang.L(key, map[string]any{"Unit": ui.CurrencySymbol()}) }
	if f.Tier != "" && indexOfAny(p.tiers, f.Tier) < 0 {
		p.tiers = append(p.tiers, f.Tier)
	}
	if f.Tag != "" && indexOfAny(p.tags, f.Tag) < 0 {
		p.tags = append(p.tags, f.Tag)
	}
	return []filterSection{
		{lang.L("groupsui.section.buy"), []*filterRow{
			textRow(lang.L("groupsui.goods"), lang.L("groupsui.goods.hint"), func(f *data.CustomerFilter) *string { return &f.Goods }, ch),
			rangeRow(lang.L("groupsui.trades"), wholeNumber, func(f *data.CustomerFilter) *data.Range { return &f.Trades }, ch),
			rangeRow(money("groupsui.total"), moneyAmount, func(f *data.CustomerFilter) *data.Range { return &f.TotalFen }, ch),
			rangeRow(money("groupsui.average"), moneyAmount, func(f *data.CustomerFilter) *data.Range { return &f.AverageFen }, ch),
		}},
		{lang.L("groupsui.section.time"), []*filterRow{
			dateRow(lang.L("groupsui.first_trade"), func(f *data.CustomerFilter) *data.DateRange { return &f.FirstTrade }, ch),
			dateRow(lang.L("groupsui.last_trade"), func(f *data.CustomerFilter) *data.DateRange { return &f.LastTrade }, ch),
			rangeRow(lang.L("groupsui.days"), wholeNumber, func(f *data.CustomerFilter) *data.Range { return &f.DaysSinceLast }, ch),
		}},
		{lang.L("groupsui.section.profile"), p.profileRows()},
		{lang.L("groupsui.section.status"), p.statusRows()},
	}
}

// profileRows: platform, province, city, source, gender, birthday month.
func (p *filterPanel) profileRows() []*filterRow {
	ch := p.changed
	genders := []data.Gender{data.GenderMale, data.GenderFemale}
	var genderNames, months []string
	for _, g := range genders {
		genderNames = append(genderNames, i18n.GenderName(g))
	}
	for m := 1; m <= 12; m++ {
		months = append(months, lang.L("groupsui.month", map[string]any{"Month": m}))
	}
	return []*filterRow{
		choiceRow(i18n.FieldName("platform"), ui.PlatformNames(),
			func(f data.CustomerFilter) int { return indexOfAny(data.Platforms, f.Platform) + 1 },
			func(f *data.CustomerFilter, i int) { f.Platform = choiceAt(data.Platforms, i) }, ch),
		textRow(i18n.FieldName("province"), lang.L("groupsui.province.hint"), func(f *data.CustomerFilter) *string { return &f.Province }, ch),
		textRow(i18n.FieldName("city"), lang.L("groupsui.city.hint"), func(f *data.CustomerFilter) *string { return &f.City }, ch),
		textRow(i18n.FieldName("source"), lang.L("groupsui.source.hint"), func(f *data.CustomerFilter) *string { return &f.Source }, ch),
		choiceRow(i18n.FieldName("gender"), genderNames,
			func(f data.CustomerFilter) int { return indexOfAny(genders, f.Gender) + 1 },
			func(f *data.CustomerFilter, i int) { f.Gender = choiceAt(genders, i) }, ch),
		choiceRow(i18n.FieldName("birthday_month"), months,
			func(f data.CustomerFilter) int { return f.BirthdayMonth },
			func(f *data.CustomerFilter, i int) { f.BirthdayMonth = i }, ch),
	}
}

// statusRows: tier, RFM segment, tag, dormant and the yes-or-no questions.
func (p *filterPanel) statusRows() []*filterRow {
	ch := p.changed
	var tierNames, segNames []string
	for _, t := range p.tiers {
		tierNames = append(tierNames, i18n.TierName(t))
	}
	for _, g := range data.Segments {
		segNames = append(segNames, i18n.SegmentName(g))
	}
	yesNo := func(key string, field func(*data.CustomerFilter) *data.YesNo) *filterRow {
		return yesNoRow(lang.L(key), field, ch)
	}
	return []*filterRow{
		choiceRow(lang.L("groupsui.tier"), tierNames,
			func(f data.CustomerFilter) int { return indexOfAny(p.tiers, f.Tier) + 1 },
			func(f *data.CustomerFilter, i int) { f.Tier = choiceAt(p.tiers, i) }, ch),
		choiceRow(i18n.FieldName("segment"), segNames,
			func(f data.CustomerFilter) int { return indexOfAny(data.Segments, f.Segment) + 1 },
			func(f *data.CustomerFilter, i int) { f.Segment = choiceAt(data.Segments, i) }, ch),
		choiceRow(i18n.FieldName("tags"), p.tags,
			func(f data.CustomerFilter) int { return indexOfAny(p.tags, f.Tag) + 1 },
			func(f *data.CustomerFilter, i int) { f.Tag = choiceAt(p.tags, i) }, ch),
		checkRow(lang.L("groups.dormant"), lang.L("groupsui.dormant"), func(f *data.CustomerFilter) *bool { return &f.Dormant }, ch),
		yesNo("groupsui.opted_out", func(f *data.CustomerFilter) *data.YesNo { return &f.OptedOut }),
		yesNo("groupsui.blacklisted", func(f *data.CustomerFilter) *data.YesNo { return &f.Blacklisted }),
		yesNo("groupsui.has_phone", func(f *data.CustomerFilter) *data.YesNo { return &f.HasPhone }),
		yesNo("groupsui.has_wechat", func(f *data.CustomerFilter) *data.YesNo { return &f.HasWeChat }),
	}
}

// choiceAt is the choice at index i of a select whose first entry is 不限 (the zero value).
func choiceAt[T any](list []T, i int) T {
	var zero T
	if i <= 0 || i > len(list) {
		return zero
	}
	return list[i-1]
}

func indexOfAny[T comparable](list []T, v T) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}
