package customers

import (
	"strings"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"shopcrm/data"
	"shopcrm/gui/ui"
	"shopcrm/i18n"
)

// customerForm edits every customer field. It only reads and shows; the screen saves.
type customerForm struct {
	*fieldForm
	base *data.Customer // the customer being edited; its id, extra fields and stats are kept

	platform                             *widget.Select
	nick, name, phone, email             *formEntry
	gender                               *widget.RadioGroup
	birthday                             *formEntry
	lunar                                *widget.Check
	wechat, wangwang, qq                 *formEntry
	province, city, address, source, tag *formEntry
	note                                 *formEntry
	optOut                               *widget.Check
}

func newCustomerForm(c *data.Customer) *customerForm {
	f := &customerForm{fieldForm: newFieldForm(), base: c}
	f.platform = widget.NewSelect(ui.PlatformNames(), nil)
	f.platform.SetSelectedIndex(ui.PlatformIndex(c.Platform))
	f.add("platform", f.platform)
	f.nick = f.entry("nick", c.Nick, lang.L("hint.nick"), false)
	f.name = f.entry("name", c.Name, "", false)
	f.gender = widget.NewRadioGroup([]string{i18n.GenderName(data.GenderFemale), i18n.GenderName(data.GenderMale), i18n.GenderName(data.GenderUnknown)}, nil)
	f.gender.Horizontal = true
	f.gender.SetSelected(i18n.GenderName(c.Gender))
	f.add("gender", f.gender)
	f.phone = f.entry("phone", c.Phone, lang.L("hint.phone"), false)
	f.birthday = newFormEntry(false)
	f.birthday.SetText(c.Birthday)
	f.birthday.SetPlaceHolder(lang.L("hint.birthday"))
	f.birthday.OnChanged = func(string) { f.setError("birthday", "") }
	f.entries = append(f.entries, f.birthday)
	f.lunar = widget.NewCheck(lang.L("field.birthday_lunar"), nil)
	f.lunar.SetChecked(c.BirthdayLunar)
	f.add("birthday", container.NewBorder(nil, nil, nil, f.lunar, f.birthday))
	f.email = f.entry("email", c.Email, "", false)
	f.wechat = f.entry("wechat", c.WeChat, "", false)
	f.wangwang = f.entry("wangwang", c.Wangwang, "", false)
	f.qq = f.entry("qq", c.QQ, "", false)
	f.province = f.entry("province", c.Province, "", false)
	f.city = f.entry("city", c.City, "", false)
	f.address = f.entry("address", c.Address, "", false)
	f.source = f.entry("source", c.Source, "", false)
	f.tag = f.entry("tags", strings.Join(c.Tags, ", "), lang.L("hint.tags"), false)
	f.note = f.entry("note", c.Note, "", true)
	f.optOut = widget.NewCheck(lang.L("field.marketing_opt_out.check"), nil)
	f.optOut.SetChecked(c.MarketingOptOut)
	f.add("marketing_opt_out", f.optOut)
	return f
}

// customer returns a copy of the edited customer with the form's values.
func (f *customerForm) customer() *data.Customer {
	c := *f.base
	c.Platform = data.Platforms[max(0, f.platform.SelectedIndex())]
	c.Nick, c.Name, c.Phone, c.Email = f.nick.Text, f.name.Text, f.phone.Text, f.email.Text
	c.Gender = data.GenderUnknown
	for _, g := range []data.Gender{data.GenderFemale, data.GenderMale} {
		if f.gender.Selected == i18n.GenderName(g) {
			c.Gender = g
		}
	}
	c.Birthday, c.BirthdayLunar = ui.BirthdayFromEntry(f.birthday.Text, f.lunar.Checked) // solar or lunar
	c.WeChat, c.Wangwang, c.QQ = f.wechat.Text, f.wangwang.Text, f.qq.Text
	c.Province, c.City, c.Address, c.Source = f.province.Text, f.city.Text, f.address.Text, f.source.Text
	c.Tags = []string{f.tag.Text} // the store splits "老客, 爱喝茶；VIP" into tags
	c.Note, c.MarketingOptOut = f.note.Text, f.optOut.Checked
	return &c
}
