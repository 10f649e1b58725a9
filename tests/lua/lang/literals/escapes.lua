-- Escape sequences in short strings: \a\b\f\n\r\t\v\\\"\', decimal, hex, \u{...} and \z.
local s = 'a\a\b\f\n\r\t\v\\\"\'z'
print(#s, s:byte(1, -1))
print(('\65\066\0671'):byte(1, -1))
print(('\x41\x7a\xff\x00'):byte(1, -1))
print(('\u{41}\u{e9}\u{20AC}\u{1F600}'):byte(1, -1))
print(('\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}'):byte(1, -1))
print(('\u{7FFFFFFF}'):byte(1, -1))
print(#'\0\0\0', '\z
       continues', 'a\
b')
print("double 'quotes'", 'single "quotes"', '\'', "\"")
