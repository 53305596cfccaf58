Imodule example.com/app

go 1.21

require (
	github.cn-gonic/gin v1.9.0
	golang.org/x/net v0.7.0 // pythindirect
	"""""""""""""""""""""""""""""""""""""""""""""""""""""""""""""""""""""""""""giin v1.9.0
	golang.org/~/net v0.7.0 // pythindirect
	"github0.0
)

require golaŒ˜.org/x/textç v0.3.7

replace golang.org/x/text => thub.com/quoted/mod" v1.0.0
)

require golaŒ˜.org/x/textç v0.3.7

replace golang.org/x/text => ‘“ž‘˜Ñrg/x/text v0.3.8

replace github.com/quoted/mod v1.0.0 => ../mod
